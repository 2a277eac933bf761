using System.Diagnostics;
using LiveDigits.Overlay.Output;
using LiveDigits.Pipeline.Readings;
using LiveDigits.Tests.Capture;

namespace LiveDigits.Tests.App;

/// <summary>JSON Lines into a pipe, which cannot seek: standard output or error, or a named pipe.</summary>
public sealed class PipedOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Video_JsonlToStandardOutputPipe_EveryLineWrittenAndExitZero()
    {
        var clip = TestMedia.WriteSheetVideo(_folder.File("clip.avi"), 6);

        // The test reads the app's standard output through a pipe, as `| cat` would.
        var (code, output, error) = AppProcess.Run(
            "video", clip, "--no-window", "--model", AppProcess.TestModel, "--jsonl", "/dev/stdout");

        Assert.True(code == 0, error);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (long)i), JsonLines(output).Select(l => l.Frame));
        Assert.Contains("jsonl /dev/stdout: 6 lines", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_JsonlToStandardErrorPipe_TheLineWrittenAndExitZero()
    {
        var image = Path.Combine(TestData.Folder, "real", "sheet_a.png");

        var (code, _, error) = AppProcess.Run(
            "image", image, "--no-window", "--model", AppProcess.TestModel, "--jsonl", "/dev/stderr",
            "--log-level", "Warning");

        Assert.True(code == 0, error);
        var line = Assert.Single(JsonLines(error));
        Assert.Equal(image, line.Source);
        Assert.NotEmpty(line.Digits);
    }

    [Fact]
    public async Task Video_JsonlToNamedPipe_EveryLineWrittenAndExitZero()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // named pipes are made with mkfifo
        }

        var clip = TestMedia.WriteSheetVideo(_folder.File("clip.avi"), 6);
        var pipe = _folder.File("run.jsonl");
        Run("mkfifo", pipe);
        Assert.True(LinuxStat.IsPipeOrDevice(pipe));
        using var reader = Start("cat", pipe);
        var read = reader.StandardOutput.ReadToEndAsync();

        var (code, _, error) = AppProcess.Run(
            "video", clip, "--no-window", "--model", AppProcess.TestModel, "--jsonl", pipe);

        // cat ends when the app closes the pipe; if the app never opened it, cat is still waiting.
        if (!reader.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            reader.Kill();
        }

        Assert.True(code == 0, error);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (long)i), JsonLines(await read).Select(l => l.Frame));
    }

    public void Dispose() => _folder.Dispose();

    private static List<FrameReadings> JsonLines(string text) =>
        [.. text.Split('\n').Where(l => l.StartsWith('{')).Select(ReadingsJsonl.ParseLine)];

    private static void Run(string program, string argument)
    {
        using var process = Start(program, argument);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static Process Start(string program, string argument)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(argument);
        return Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
    }
}
