using LiveDigits.App;

namespace LiveDigits.Tests.Cli;

public sealed class NumericOptionTests
{
    [Theory]
    [InlineData("camera", "--index", "abc")]
    [InlineData("camera", "--width", "abc")]
    [InlineData("camera", "--fps", "x")]
    [InlineData("pad", "--stroke", "abc")]
    public void Command_NonNumberForANumericOption_PrintsOneUsageLineWithoutAStackTrace(
        string command, string option, string value)
    {
        // The camera must not try a window or a device; the pad has no such option.
        string[] args = command == "camera" ? [command, option, value, "--no-window"] : [command, option, value];

        var result = AppProcess.Run(args);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("livedigits: error: ", line, StringComparison.Ordinal);
        Assert.Contains($"{option} takes a whole number, not '{value}'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", line, StringComparison.Ordinal);
    }
}
