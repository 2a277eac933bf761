using System.Globalization;
using System.Text.RegularExpressions;
using LiveDigits.App;

namespace LiveDigits.Tests.Cli;

public sealed partial class BenchCommandTests
{
    [Fact]
    public void Bench_TinyRun_PrintsEveryFigureAsMedianWithItsRange()
    {
        var result = AppProcess.Run("bench", "--frames", "5", "--repeat", "2", "--log-level", "Warning");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        string[] expected =
        [
            "file default: fps", "file naive: fps", "file fps ratio default/naive:",
            "live default: p50 ms", "live naive: p50 ms", "live p50 ratio naive/default:",
        ];
        foreach (var start in expected)
        {
            var line = Assert.Single(result.OutputLines, l => l.StartsWith(start, StringComparison.Ordinal));
            var figure = Figure().Match(line);
            Assert.True(figure.Success, $"no 'median [min..max]' in: {line}");
            var (median, min, max) = (Parse(figure, 1), Parse(figure, 2), Parse(figure, 3));
            Assert.InRange(median, min, max);
            Assert.True(min > 0, $"a figure of 0 or less in: {line}");
        }

        var clip = Assert.Single(result.OutputLines, l => l.StartsWith("clip: ", StringComparison.Ordinal));
        Assert.Contains("spacing 2;", clip, StringComparison.Ordinal);
        Assert.All(
            result.OutputLines.Where(l => l.StartsWith("live ", StringComparison.Ordinal) && l.Contains("dropped")),
            line => Assert.Matches(@"dropped \d+ \[\d+\.\.\d+\] of 5 ", line));
    }

    [Theory]
    [InlineData("--repeat", "0", "--repeat must be at least 1")]
    [InlineData("--frames", "0", "--frames must be at least 1")]
    [InlineData("--frames", "-1", "--frames must be at least 1, not -1 (see 'livedigits bench --help')")]
    [InlineData("--engine", "gpu", "--engine gpu: expected dnn (OpenCV) or ort (ONNX Runtime) (see 'livedigits bench")]
    [InlineData("--clip", "busy", "--clip busy")]
    public void Bench_BadArguments_PrintsOneLineAndExitsWithUsageError(string option, string value, string mention)
    {
        var result = AppProcess.Run("bench", option, value);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("livedigits: error: ", line, StringComparison.Ordinal);
        Assert.Contains(mention, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_OrtEngineWithTensorFlowGraph_PrintsOneLineAndExitsWithInputError()
    {
        var model = Path.Combine(LiveDigits.Capture.ProjectPaths.Models, "tutorial-keras.pb");

        var result = AppProcess.Run("bench", "--engine", "ort", "--model", model);

        Assert.Equal(ExitCodes.InputError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("only .onnx", line, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    private static double Parse(Match match, int group) =>
        double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@": (?:fps |p50 ms )?([0-9.]+) \[([0-9.]+)\.\.([0-9.]+)\]")]
    private static partial Regex Figure();
}
