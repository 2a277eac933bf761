using LiveDigits.Capture;
using LiveDigits.Pipeline.Readings;
using LiveDigits.Pipeline.Reader;
using OpenCvSharp;

namespace LiveDigits.Tests.Reader;

/// <summary>
/// The proof on real paper: every digit of the committed photographs read, in the right rows.
/// </summary>
public sealed class RealPhotoTests
{
    public static TheoryData<string, string> Sheets()
    {
        var data = new TheoryData<string, string>();
        foreach (var model in new[] { "tutorial-pytorch.onnx", "livedigits.onnx", "livedigits-fast.onnx" })
        {
            if (!File.Exists(Path.Combine(ProjectPaths.Models, model)))
            {
                continue;
            }

            foreach (var line in File.ReadLines(Path.Combine(TestData.Folder, "real", "MANIFEST.tsv")).Skip(1))
            {
                data.Add(model, line.Split('\t')[0]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sheets))]
    public void Read_RealPhotograph_ReadsEveryDigitInTheRightRows(string model, string sheet)
    {
        using var analysis = ReadSheet(model, sheet);

        Assert.Equal(ExpectedRows(sheet), Rows(analysis.Readings.Digits));
    }

    [Theory]
    [MemberData(nameof(Sheets))]
    public void Read_RealPhotograph_EachEvenlySpacedRowIsOneNumber(string model, string sheet)
    {
        // Every row of both sheets is written at even spacing, so a reader of the page sees one number a row.
        using var analysis = ReadSheet(model, sheet);

        var rows = ExpectedRows(sheet).Split(" / ")
            .Select(row => row.Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.Equal(rows, analysis.Readings.Numbers.Select(n => n.Value));
    }

    private static FrameAnalysis ReadSheet(string model, string sheet)
    {
        using var reader = new DigitReader(new DigitReaderOptions
        {
            ModelPath = Path.Combine(ProjectPaths.Models, model),
            TrackAcrossFrames = false,
        });
        using var image = Cv2.ImRead(Path.Combine(TestData.Folder, "real", sheet));
        return reader.Read(image, 0, TimeSpan.Zero, sheet);
    }

    private static string ExpectedRows(string sheet)
    {
        var line = File.ReadLines(Path.Combine(TestData.Folder, "real", "MANIFEST.tsv"))
            .Single(l => l.StartsWith(sheet + "\t", StringComparison.Ordinal));
        return line.Split('\t')[1];
    }

    /// <summary>Formats digits as the manifest does: rows top to bottom, left to right, "/" between rows.</summary>
    private static string Rows(IReadOnlyList<DigitReading> digits)
    {
        var medianHeight = digits.Select(d => d.Box.Height).Order().ElementAtOrDefault(digits.Count / 2);
        var rows = new List<List<DigitReading>>();
        foreach (var digit in digits.OrderBy(d => d.Box.Y + (d.Box.Height / 2)))
        {
            var centre = digit.Box.Y + (digit.Box.Height / 2.0);
            var row = rows.LastOrDefault();
            if (row is null || centre - row.Average(d => d.Box.Y + (d.Box.Height / 2.0)) > 0.8 * medianHeight)
            {
                rows.Add([digit]);
            }
            else
            {
                row.Add(digit);
            }
        }

        return string.Join(" / ", rows.Select(r => string.Join(" ", r.OrderBy(d => d.Box.X).Select(d => d.Digit))));
    }
}
