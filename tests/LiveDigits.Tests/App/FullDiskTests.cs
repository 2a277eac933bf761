using System.Diagnostics;
using LiveDigits.Overlay.Output;
using LiveDigits.Pipeline.Readings;
using LiveDigits.Tests.Capture;

namespace LiveDigits.Tests.App;

/// <summary>
/// Outputs on a disk that fills during the run, as the user meets it: the real program, with its files on
/// <c>/dev/full</c> or on a tmpfs mounted small for the test (skipped where mounting is not allowed).
/// </summary>
public sealed class FullDiskTests : IDisposable
{
    private const string StoppedLine = "livedigits: error: output stopped early: ";

    private readonly TempFolder _folder = new();

    [Fact]
    public void Video_JsonlOnAFullDevice_OneErrorLineAndOutputIncompleteExitCode()
    {
        if (!File.Exists("/dev/full"))
        {
            return; // Linux's always-full device stands in for a full disk.
        }

        var clip = TestMedia.WriteSheetVideo(_folder.File("clip.avi"), 3);

        var (code, output, error) = AppProcess.Run(
            "video", clip, "--no-window", "--model", AppProcess.TestModel, "--jsonl", "/dev/full");

        Assert.Equal(4, code);
        Assert.Equal(
            $"{StoppedLine}/dev/full: writing stopped after 0 lines (the disk is full); those 0 lines are complete",
            Assert.Single(ProblemLines(error)));
        Assert.Contains("frames 3 in", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Video_JsonlFillsTheDisk_OneErrorLineAndEveryLineBeforeItWhole()
    {
        using var disk = SmallDisk.TryMount(_folder.File("disk"), "16k");
        if (disk is null)
        {
            return; // Mounting a tmpfs needs root (or CAP_SYS_ADMIN).
        }

        var clip = TestMedia.WriteSheetVideo(_folder.File("clip.avi"), 60);
        var jsonl = Path.Combine(disk.Path, "run.jsonl");

        var (code, output, error) = AppProcess.Run(
            "video", clip, "--no-window", "--model", AppProcess.TestModel, "--jsonl", jsonl);

        Assert.True(code == 4, error);
        var lines = ReadingsJsonl.ReadFile(jsonl);
        Assert.InRange(lines.Count, 1, 59);
        Assert.Equal(Enumerable.Range(0, lines.Count).Select(i => (long)i), lines.Select(l => l.Frame));
        Assert.EndsWith("\n", File.ReadAllText(jsonl), StringComparison.Ordinal);
        Assert.Equal(
            $"{StoppedLine}{jsonl}: writing stopped after {lines.Count} lines (the disk is full); " +
                $"those {lines.Count} lines are complete",
            Assert.Single(ProblemLines(error)));
        Assert.Contains("frames 60 in", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Video_RecordingFillsTheDisk_OneErrorLineAndTheVideoPlaysEveryFrameWritten()
    {
        // The recorder stops while 64 MB remain; a 65 MB disk leaves it one to fill.
        using var disk = SmallDisk.TryMount(_folder.File("disk"), "65m");
        if (disk is null)
        {
            return; // Mounting a tmpfs needs root (or CAP_SYS_ADMIN).
        }

        var clip = TestMedia.WriteSheetVideo(_folder.File("clip.avi"), 120);
        var record = Path.Combine(disk.Path, "run.avi");

        var (code, output, error) = AppProcess.Run(
            "video", clip, "--no-window", "--model", AppProcess.TestModel, "--record", record);

        Assert.True(code == 4, error);
        var played = VideoRecorder.CountFrames(record);
        Assert.InRange(played, 1, 119);
        var line = Assert.Single(ProblemLines(error));
        Assert.StartsWith(
            $"{StoppedLine}{record}: recording stopped after {played} frames: the disk is nearly full", line,
            StringComparison.Ordinal);
        Assert.Contains($"recorded {record}: {played} frames, plays back {played}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_SavedJsonlFillsTheDisk_OneErrorLineTheScoresAndOutputIncompleteExitCode()
    {
        using var disk = SmallDisk.TryMount(_folder.File("disk"), "16k");
        if (disk is null)
        {
            return; // Mounting a tmpfs needs root (or CAP_SYS_ADMIN).
        }

        var clip = TestMedia.WriteSheetClip(_folder.File("clip"), 60);
        var jsonl = Path.Combine(disk.Path, "livedigits.jsonl");

        var (code, output, error) = AppProcess.Run(
            "score", "--clip", clip, "--model", AppProcess.TestModel, "--save-jsonl", disk.Path);

        // Before: "internal error: IOException: No space left on device", exit 1, and no score printed.
        Assert.True(code == 4, error);
        var lines = ReadingsJsonl.ReadFile(jsonl);
        Assert.InRange(lines.Count, 1, 59);
        Assert.Equal(Enumerable.Range(0, lines.Count).Select(i => (long)i), lines.Select(l => l.Frame));
        Assert.Equal(
            $"{StoppedLine}{jsonl}: writing stopped after {lines.Count} lines (the disk is full); " +
                $"those {lines.Count} lines are complete",
            Assert.Single(ProblemLines(error)));
        Assert.Contains("method=livedigits", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MakeClip_DiskFillsUp_OneLineNamingTheFolderAndNoPartialFilesLeft()
    {
        using var disk = SmallDisk.TryMount(_folder.File("disk"), "2m");
        if (disk is null)
        {
            return; // Mounting a tmpfs needs root (or CAP_SYS_ADMIN).
        }

        _ = TestData.MnistTest; // fetched once for the whole run
        var output = Path.Combine(disk.Path, "clip");

        var (code, stdout, error) = AppProcess.Run("make-clip", "--out", output, "--frames", "60");

        // Before: "internal error: IOException: No space left on device : '.../truth.json.part'", exit 1, with a
        // cut-short clip.avi and an empty truth.json.part left behind.
        Assert.True(code == 4, error);
        Assert.Equal(
            $"{StoppedLine}--out {output}: the disk is full; no clip was written (the partial files are removed)",
            Assert.Single(ProblemLines(error)));
        Assert.Equal("", stdout);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>The lines of standard error that report a problem: error lines and error-level log lines.</summary>
    private static string[] ProblemLines(string error) =>
        [.. error.Split('\n').Where(l => l.Contains("error", StringComparison.Ordinal)
            || l.Contains(" fail: ", StringComparison.Ordinal))];

    /// <summary>A tmpfs of a given size mounted on a fresh folder, unmounted at the end.</summary>
    private sealed class SmallDisk : IDisposable
    {
        private SmallDisk(string path) => Path = path;

        public string Path { get; }

        public static SmallDisk? TryMount(string path, string size)
        {
            if (!OperatingSystem.IsLinux())
            {
                return null;
            }

            Directory.CreateDirectory(path);
            return Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path) ? new SmallDisk(path) : null;
        }

        public void Dispose() => Run("umount", "--lazy", Path);

        private static bool Run(string program, params string[] arguments)
        {
            var info = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            try
            {
                using var process = Process.Start(info);
                if (process is null)
                {
                    return false;
                }

                process.StandardError.ReadToEnd();
                process.WaitForExit();
                return process.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false; // no such program
            }
        }
    }
}
