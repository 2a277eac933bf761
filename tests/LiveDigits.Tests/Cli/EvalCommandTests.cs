using LiveDigits.App;

namespace LiveDigits.Tests.Cli;

public sealed class EvalCommandTests
{
    [Theory]
    [InlineData("missing.onnx", "model file not found")]
    [InlineData("not-a-model.onnx", "not a network OpenCV can read")]
    [InlineData("wrong-input.onnx", "wrong input shape")]
    [InlineData("wrong-output.onnx", "wrong output count")]
    public void Eval_UnusableModel_PrintsOneLineNamingFileAndExitsWithInputError(string name, string problem)
    {
        var model = TestData.FixtureModel(name);

        var result = AppProcess.Run("eval", "--model", model);

        Assert.Equal(ExitCodes.InputError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"livedigits: error: {model}: ", line, StringComparison.Ordinal);
        Assert.Contains(problem, line, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("--limit", "0", "--limit must be a positive number of images")]
    [InlineData("--limit", "many", "many")]
    [InlineData("--frobnicate", "1", "--frobnicate")]
    public void Eval_BadArguments_PrintsOneLineAndExitsWithUsageError(string option, string value, string mention)
    {
        var result = AppProcess.Run("eval", option, value);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("livedigits: error: ", line, StringComparison.Ordinal);
        Assert.Contains(mention, line, StringComparison.Ordinal);
        Assert.EndsWith("(see 'livedigits eval --help')", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_FixtureModelOnTheFirstImages_EndsWithTheAccuracyLine()
    {
        var result = AppProcess.Run("eval", "--model", TestData.FixtureModel("tiny-logits.onnx"), "--limit", "300");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var last = result.OutputLines[^1];
        Assert.Matches(@"^accuracy 0\.\d{4}$", last);
        Assert.Contains("300 test images", result.Output, StringComparison.Ordinal);
    }
}
