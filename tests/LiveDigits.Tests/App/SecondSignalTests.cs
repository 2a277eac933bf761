using LiveDigits.App.Hosting;
using LiveDigits.Pipeline.Readings;
using LiveDigits.Tests.Capture;

namespace LiveDigits.Tests.App;

/// <summary>A second Ctrl+C or SIGTERM, more than a second after the first: the user insisting.</summary>
public sealed class SecondSignalTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void Run_SecondSignalWhileFinalisingIsStuck_EndsAtOnceWithTheJsonlValid(string signal, int exitCode)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // POSIX signals are sent with kill(1), the stuck output is a named pipe (mkfifo).
        }

        // The recording goes into a pipe that is opened but never read, as a hung network mount would take
        // it: the writer blocks once the pipe's buffer is full, so the first signal cannot finalise the run.
        var clip = TestMedia.WriteSheetVideo(_folder.File("long.avi"), 400);
        var jsonl = _folder.File("run.jsonl");
        var record = _folder.File("stuck.avi");
        Assert.Equal(0, Mkfifo(record));
        using var app = AppProcess.Start(
            ["video", clip, "--no-window", "--model", AppProcess.TestModel, "--jsonl", jsonl, "--record", record]);

        // Opened for reading and writing, the pipe opens at once (for reading alone it would wait for the
        // app's writer, forever if the app failed first); the test only holds it.
        using var unread = new FileStream(record, FileMode.Open, FileAccess.ReadWrite);
        Assert.True(SpinWait.SpinUntil(() => GrowingFile.LineCount(jsonl) >= 1, TimeSpan.FromMinutes(2)), app.Error);
        app.Signal(signal);
        Thread.Sleep(ShutdownSignals.SameRequest + TimeSpan.FromSeconds(1));
        Assert.False(app.HasExited, $"the first signal ended the run; the test needs it stuck: {app.Error}");

        app.Signal(signal);
        var code = app.WaitForExit(TimeSpan.FromSeconds(8));

        // Well inside the 15 s a command is given to finalise after the first signal, after which it is ended
        // without this line.
        Assert.Equal(exitCode, code);
        Assert.Contains(ShutdownSignals.InsistedLine, app.Error, StringComparison.Ordinal);
        var lines = ReadingsJsonl.ReadFile(jsonl);
        Assert.NotEmpty(lines);
        Assert.Equal(Enumerable.Range(0, lines.Count).Select(i => (long)i), lines.Select(l => l.Frame));
        Assert.EndsWith("\n", File.ReadAllText(jsonl), StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static int Mkfifo(string path)
    {
        using var process = System.Diagnostics.Process.Start("mkfifo", [path]);
        process.WaitForExit();
        return process.ExitCode;
    }
}
