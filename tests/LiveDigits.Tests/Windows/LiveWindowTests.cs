using LiveDigits.Overlay.Output;
using LiveDigits.Pipeline.Readings;
using LiveDigits.Tests.App;
using LiveDigits.Tests.Capture;
using OpenCvSharp;

namespace LiveDigits.Tests.Windows;

/// <summary>The live window on a virtual display: what it draws, and that its keys work.</summary>
public sealed class LiveWindowTests : IDisposable
{
    private static readonly TimeSpan s_patience = TimeSpan.FromMinutes(2);
    private readonly TempFolder _folder = new();

    [Fact]
    public void Video_WithWindow_DrawsBoxesAndQuitsOnQWithCompleteJsonl()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // Xvfb, xdotool and import are Linux tools.
        }

        using var x = XvfbSession.Start();
        var clip = TestMedia.WriteSheetVideo(_folder.File("clip.avi"), 15);
        var jsonl = _folder.File("window.jsonl");
        using var app = AppProcess.Start(["video", clip, "--model", AppProcess.TestModel, "--jsonl", jsonl], x.Display);
        var window = WaitForWindow(x, app);
        Assert.True(SpinWait.SpinUntil(() => app.Error.Contains("ended:", StringComparison.Ordinal), s_patience),
            app.Error);
        Thread.Sleep(500);

        var screenshot = _folder.File("screen.png");
        x.Tool("import", "-window", "root", screenshot);
        x.Tool("xdotool", "windowactivate", "--sync", window);
        x.Tool("xdotool", "key", "q");
        var code = app.WaitForExit(TimeSpan.FromSeconds(30));

        Assert.Equal(0, code);
        Assert.Equal(15, ReadingsJsonl.ReadFile(jsonl).Count);
        Assert.InRange(DigitBoxPixels(screenshot), 200, int.MaxValue);
    }

    [Fact]
    public void Video_WindowClosedByTheWindowManager_EndsAsOnQWithCompleteFiles()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // Xvfb, openbox and xdotool are Linux tools.
        }

        using var x = XvfbSession.Start();
        var clip = TestMedia.WriteSheetVideo(_folder.File("long.avi"), 400);
        var jsonl = _folder.File("closed.jsonl");
        var record = _folder.File("closed.avi");
        using var app = AppProcess.Start(
            ["video", clip, "--model", AppProcess.TestModel, "--jsonl", jsonl, "--record", record], x.Display);
        var window = WaitForWindow(x, app);
        Assert.True(SpinWait.SpinUntil(() => GrowingFile.LineCount(jsonl) >= 5, s_patience), app.Error);

        // Alt+F4 is openbox's Close, what its close button does: WM_DELETE_WINDOW to the window.
        x.Tool("xdotool", "windowactivate", "--sync", window);
        x.Tool("xdotool", "key", "alt+F4");
        var code = app.WaitForExit(TimeSpan.FromSeconds(60));

        Assert.True(code == 0, $"exit code {code}; stderr: {app.Error}");
        var lines = ReadingsJsonl.ReadFile(jsonl);
        Assert.InRange(lines.Count, 5, 399);
        Assert.Equal(Enumerable.Range(0, lines.Count).Select(i => (long)i), lines.Select(l => l.Frame));
        Assert.Equal(lines.Count, VideoRecorder.CountFrames(record));
        Assert.Contains($"recorded {record}: {lines.Count} frames, plays back {lines.Count}", app.Output,
            StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static string WaitForWindow(XvfbSession x, AppProcess app)
    {
        string? window = null;
        var found = SpinWait.SpinUntil(
            () => (window = x.TryTool("xdotool", "search", "--onlyvisible", "--name", "^LiveDigits$")
                    ?.Split('\n')[0]) is { Length: > 0 } || app.HasExited,
            s_patience);
        Assert.True(found && window is { Length: > 0 }, $"no LiveDigits window; stderr: {app.Error}");
        return window!;
    }

    private static int DigitBoxPixels(string screenshot)
    {
        // The overlay's digit boxes are green (B 60, G 200, R 40); the sheet itself has no such green.
        using var screen = Cv2.ImRead(screenshot);
        using var green = new Mat();
        Cv2.InRange(screen, new Scalar(30, 170, 10), new Scalar(90, 230, 70), green);
        return Cv2.CountNonZero(green);
    }
}
