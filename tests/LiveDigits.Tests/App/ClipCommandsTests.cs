using LiveDigits.Capture;
using LiveDigits.Capture.Mnist;
using LiveDigits.Tests.Capture;

namespace LiveDigits.Tests.App;

/// <summary><c>demo</c> and <c>make-clip</c>, which generate clips, as a user meets them.</summary>
public sealed class ClipCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Demo_InterruptedWhileMakingTheClip_StopsWithoutAScoreOrAPartialClip()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // POSIX signals are sent with kill(1).
        }

        // A home of its own, so the clip is made here and not taken from (or left in) the repository's data.
        var home = HomeWithModelsAndMnist();
        var clips = Path.Combine(home, "data", "clips", "default");
        using var app = AppProcess.Start(["demo", "--no-window"], home: home);
        Assert.True(
            SpinWait.SpinUntil(() => File.Exists(Path.Combine(clips, "partial-clip.avi")), TimeSpan.FromMinutes(2)),
            app.Error);

        app.Signal("INT");
        var code = app.WaitForExit(TimeSpan.FromMinutes(1));

        // Before, generation ran on to the end, then one frame was read and scored against 90 as if real.
        Assert.Equal(130, code);
        Assert.Equal("", app.Output);
        Assert.Contains("livedigits: interrupted while making the default clip; nothing was read", app.Error,
            StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(clips));
    }

    [Fact]
    public void MakeClip_Interrupted_SaysSoAndRemovesThePartialVideo()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // POSIX signals are sent with kill(1).
        }

        var output = _folder.File("clip");
        using var app = AppProcess.Start(["make-clip", "--frames", "300", "--out", output]);
        Assert.True(
            SpinWait.SpinUntil(() => File.Exists(Path.Combine(output, "partial-clip.avi")), TimeSpan.FromMinutes(2)),
            app.Error);

        app.Signal("INT");
        var code = app.WaitForExit(TimeSpan.FromMinutes(1));

        Assert.Equal(130, code);
        Assert.Equal("", app.Output);
        Assert.Equal(
            "livedigits: interrupted; no clip was written (the partial video is removed)", LastLine(app.Error));
        Assert.Empty(Directory.EnumerateFiles(output));
    }

    public void Dispose() => _folder.Dispose();

    private static string LastLine(string text) => text.Trim().Split('\n')[^1].Trim();

    private string HomeWithModelsAndMnist()
    {
        _ = TestData.MnistTest; // fetched once for the whole run
        var home = _folder.File("home");
        Directory.CreateDirectory(Path.Combine(home, "data"));
        Directory.CreateSymbolicLink(Path.Combine(home, "models"), ProjectPaths.Models);
        Directory.CreateSymbolicLink(Path.Combine(home, "data", "mnist"), MnistDataset.DefaultFolder);
        return home;
    }
}
