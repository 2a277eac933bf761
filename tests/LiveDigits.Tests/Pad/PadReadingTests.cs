using System.Globalization;
using LiveDigits.Overlay.Pad;

namespace LiveDigits.Tests.Pad;

public sealed class PadReadingTests
{
    [Theory]
    [InlineData(PadReadingKind.Digit, "7", 0.98643, null, "7 (98.6%)")]
    [InlineData(PadReadingKind.Number, "042", 0.9, null, "042 (90.0%)")]
    [InlineData(PadReadingKind.NotDigit, "3", 0.41249, null, "not a digit (best guess 3, 41.2%)")]
    [InlineData(PadReadingKind.NotDigit, "", 0, "a dot", "not a digit (a dot)")]
    [InlineData(PadReadingKind.Empty, "", 0, null, "empty")]
    public void Describe_EachKind_PrintsItsLine(
        PadReadingKind kind,
        string value,
        double confidence,
        string? rejection,
        string expected)
    {
        var reading = new PadReading(kind, value, confidence, [], [], rejection);

        var line = reading.Describe();

        Assert.Equal(expected, line);
    }

    [Fact]
    public void Describe_CommaDecimalCulture_StillPrintsAPoint()
    {
        var reading = new PadReading(PadReadingKind.Digit, "7", 0.986, [], []);
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

        string line;
        try
        {
            line = reading.Describe();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        Assert.Equal("7 (98.6%)", line);
    }
}
