using System.Text.Json;
using LiveDigits.App;

namespace LiveDigits.Tests.Cli;

public sealed class EngineOptionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("livedigits-engine-").FullName;

    [Fact]
    public void Image_OrtEngine_ReadsTheSameDigitsAsOpenCvDnn()
    {
        var photo = Path.Combine(TestData.Folder, "real", "sheet_a.png");
        var dnnLines = Path.Combine(_folder, "dnn.jsonl");
        var ortLines = Path.Combine(_folder, "ort.jsonl");

        var dnn = AppProcess.Run("image", photo, "--no-window", "--jsonl", dnnLines, "--engine", "dnn");
        var ort = AppProcess.Run("image", photo, "--no-window", "--jsonl", ortLines, "--engine", "ort");

        Assert.Equal(ExitCodes.Success, dnn.ExitCode);
        Assert.Equal(ExitCodes.Success, ort.ExitCode);
        var fromDnn = Digits(dnnLines);
        Assert.NotEmpty(fromDnn);
        Assert.Equal(fromDnn, Digits(ortLines));
    }

    [Fact]
    public void Video_UnknownEngine_PrintsOneLineAndExitsWithUsageError()
    {
        var result = AppProcess.Run("video", "clip.avi", "--engine", "gpu");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("--engine gpu", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_UnknownEngine_PrintsOneLineBeforeMakingTheClip()
    {
        var result = AppProcess.Run("demo", "--no-window", "--engine", "gpu");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("--engine gpu", line, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static List<string> Digits(string jsonl)
    {
        using var document = JsonDocument.Parse(File.ReadLines(jsonl).First());
        return [.. document.RootElement.GetProperty("digits").EnumerateArray()
            .Select(d => $"{d.GetProperty("digit").GetInt32()}@{d.GetProperty("box")}")];
    }
}
