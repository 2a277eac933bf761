using System.Diagnostics;
using LiveDigits.Overlay.Output;
using LiveDigits.Pipeline.Readings;
using LiveDigits.Tests.Capture;
using OpenCvSharp;

namespace LiveDigits.Tests.App;

/// <summary>The reading commands as a user meets them: the real program in a child process.</summary>
public sealed class ReadingCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Video_NoWindow_WritesOneLinePerFrameAndAPlayableRecording()
    {
        var clip = TestMedia.WriteSheetVideo(_folder.File("clip.avi"), 12);
        var jsonl = _folder.File("run.jsonl");
        var record = _folder.File("run.mp4");

        var (code, output, error) = AppProcess.Run(
            "video", clip, "--no-window", "--model", AppProcess.TestModel, "--jsonl", jsonl, "--record", record);

        Assert.True(code == 0, error);
        var lines = ReadingsJsonl.ReadFile(jsonl);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (long)i), lines.Select(l => l.Frame));
        Assert.All(lines, l => Assert.NotEmpty(l.Digits));
        Assert.Equal(12, VideoRecorder.CountFrames(record));
        Assert.Contains("frames 12 in", output, StringComparison.Ordinal);
        Assert.Contains($"recorded {record}: 12 frames, plays back 12", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void Video_SignalMidRun_JsonlCompleteAndRecordingPlaysTheSameFrameCount(string signal, int exitCode)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // POSIX signals are sent with kill(1).
        }

        var clip = TestMedia.WriteSheetVideo(_folder.File("long.avi"), 400);
        var jsonl = _folder.File("run.jsonl");
        var record = _folder.File("run.avi");
        using var app = AppProcess.Start(
            ["video", clip, "--no-window", "--model", AppProcess.TestModel, "--jsonl", jsonl, "--record", record]);
        Assert.True(SpinWait.SpinUntil(() => GrowingFile.LineCount(jsonl) >= 5, TimeSpan.FromMinutes(2)), app.Error);

        app.Signal(signal);
        var code = app.WaitForExit(TimeSpan.FromSeconds(30));

        var lines = ReadingsJsonl.ReadFile(jsonl);
        Assert.Equal(exitCode, code);
        Assert.InRange(lines.Count, 5, 399);
        Assert.Equal(Enumerable.Range(0, lines.Count).Select(i => (long)i), lines.Select(l => l.Frame));
        Assert.Equal(lines.Count, VideoRecorder.CountFrames(record));
        Assert.Contains("interrupted", app.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void Video_SameSignalTwiceAtOnce_EndsCleanlyAsForOne(string signal, int exitCode)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // POSIX signals are sent with kill(1).
        }

        // What `timeout -s TERM 60 livedigits ...` does: it signals the process and then its process group,
        // so the one request arrives twice. Taken for "the user insists", it killed 3 runs in 12 mid-write.
        var clip = TestMedia.WriteSheetVideo(_folder.File("long.avi"), 400);
        var jsonl = _folder.File("run.jsonl");
        var record = _folder.File("run.avi");
        using var app = AppProcess.Start(
            ["video", clip, "--no-window", "--model", AppProcess.TestModel, "--jsonl", jsonl, "--record", record]);
        Assert.True(SpinWait.SpinUntil(() => GrowingFile.LineCount(jsonl) >= 5, TimeSpan.FromMinutes(2)), app.Error);

        app.Signal(signal);
        app.Signal(signal);
        var code = app.WaitForExit(TimeSpan.FromSeconds(30));

        var lines = ReadingsJsonl.ReadFile(jsonl);
        Assert.True(code == exitCode, $"exit code {code}; stderr: {app.Error}");
        Assert.Contains("interrupted", app.Error, StringComparison.Ordinal);
        Assert.Contains($"recorded {record}: {lines.Count} frames, plays back {lines.Count}", app.Output,
            StringComparison.Ordinal);
        Assert.Equal(lines.Count, VideoRecorder.CountFrames(record));
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void Video_SignalAsSoonAsTheModelIsLoaded_EndsCleanlyWithValidFiles(string signal, int exitCode)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // POSIX signals are sent with kill(1).
        }

        var clip = TestMedia.WriteSheetVideo(_folder.File("long.avi"), 400);
        var jsonl = _folder.File("run.jsonl");
        var record = _folder.File("run.avi");
        using var app = AppProcess.Start(
            ["video", clip, "--no-window", "--model", AppProcess.TestModel, "--jsonl", jsonl, "--record", record]);
        Assert.True(
            SpinWait.SpinUntil(() => app.Error.Contains("Loaded ", StringComparison.Ordinal), TimeSpan.FromMinutes(2)),
            app.Error);

        app.Signal(signal);
        var code = app.WaitForExit(TimeSpan.FromSeconds(30));

        // The signal lands before the first frame or just after it: either way every file is whole. With no
        // frame there is no video (its size is unknown), and the summary says so.
        Assert.True(code == exitCode, $"exit code {code}; stderr: {app.Error}");
        var lines = ReadingsJsonl.ReadFile(jsonl);
        Assert.Equal(Enumerable.Range(0, lines.Count).Select(i => (long)i), lines.Select(l => l.Frame));
        Assert.Equal(lines.Count, File.Exists(record) ? VideoRecorder.CountFrames(record) : 0);
        Assert.Contains("interrupted", app.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes.avi", "these are notes\n", "not a video OpenCV can open (unknown format or codec)")]
    [InlineData("cut.avi", "RIFF", "not a video OpenCV can open (unknown format or codec)")]
    [InlineData("notes.mp4", "these are notes\n", "not a video OpenCV can open (unknown format or codec)")]
    [InlineData("hap.avi", null, "no frame could be decoded (unsupported codec or damaged file)")]
    public void Video_FileThatDoesNotOpen_ErrorAloneAndNoOutputFiles(string name, string? content, string problem)
    {
        var video = _folder.File(name);
        if (content is null)
        {
            VideoFileSourceTests.WriteHapLabelledVideo(video);
        }
        else
        {
            File.WriteAllText(video, content);
        }

        var jsonl = _folder.File("run.jsonl");

        var (code, output, error) = AppProcess.Run(
            "video", video, "--no-window", "--model", AppProcess.TestModel, "--jsonl", jsonl);

        Assert.Equal(3, code);
        Assert.Equal($"livedigits: error: {video}: {problem}", error.Trim());
        Assert.Equal("", output);
        Assert.False(File.Exists(jsonl));
    }

    [Fact]
    public void Camera_NeverOpens_ErrorAloneAndExistingOutputsUntouched()
    {
        // There is no camera 63 anywhere these tests run.
        var jsonl = _folder.File("keep.jsonl");
        var record = _folder.File("keep.avi");
        File.WriteAllText(jsonl, "{\"frame\":0,\"timeMs\":0,\"digits\":[],\"numbers\":[]}\n");
        File.WriteAllText(record, "an earlier recording");

        var (code, output, error) = AppProcess.Run("camera", "--index", "63", "--no-window",
            "--model", AppProcess.TestModel, "--jsonl", jsonl, "--record", record);

        Assert.Equal(3, code);
        Assert.Contains("livedigits: error: camera 63: cannot be opened", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Equal("", output);
        Assert.Single(ReadingsJsonl.ReadFile(jsonl));
        Assert.Equal("an earlier recording", File.ReadAllText(record));
    }

    [Fact]
    public void Image_AllBlackAndAllWhite_ReadNothing()
    {
        var images = Path.Combine(_folder.Path, "blank");
        Directory.CreateDirectory(images);
        foreach (var (name, level) in new[] { ("black.png", 0), ("white.png", 255) })
        {
            using var blank = new Mat(720, 1280, MatType.CV_8UC3, Scalar.All(level));
            Cv2.ImWrite(Path.Combine(images, name), blank);
        }

        var jsonl = _folder.File("blank.jsonl");

        var (code, output, error) = AppProcess.Run(
            "image", images, "--no-window", "--model", AppProcess.TestModel, "--jsonl", jsonl);

        Assert.True(code == 0, error);
        var lines = ReadingsJsonl.ReadFile(jsonl);
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Empty(l.Digits));
        Assert.All(lines, l => Assert.Empty(l.Numbers));
        Assert.Contains("digits read 0", output.Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public void Image_MixedSizesRecorded_VideoAsLargeAsTheLargestAndTheSmallOneFillsIt()
    {
        var images = Path.Combine(_folder.Path, "mixed");
        Directory.CreateDirectory(images);
        foreach (var (name, width, height) in new[] { ("p1.png", 320, 240), ("p2.png", 1280, 960) })
        {
            using var paper = new Mat(height, width, MatType.CV_8UC3, Scalar.All(230));
            Cv2.ImWrite(Path.Combine(images, name), paper);
        }

        var record = _folder.File("mixed.avi");

        var (code, _, error) = AppProcess.Run(
            "image", images, "--no-window", "--model", AppProcess.TestModel, "--record", record);

        Assert.True(code == 0, error);
        using var capture = new VideoCapture(record);
        using var first = new Mat();
        Assert.True(capture.Read(first));
        Assert.Equal(new Size(1280, 960), first.Size());
        Assert.InRange(first.At<Vec3b>(950, 8).Item0, 200, 255);
        Assert.InRange(first.At<Vec3b>(950, 1270).Item0, 200, 255);
        Assert.Equal(2, VideoRecorder.CountFrames(record));
    }

    [Fact]
    public void Image_Folder_EachLineNamesItsImageAndPosition()
    {
        var images = Path.Combine(_folder.Path, "sheets");
        Directory.CreateDirectory(images);
        foreach (var (name, sheet) in new[] { ("p10.png", "sheet_b.png"), ("p2.png", "sheet_a.png") })
        {
            File.Copy(Path.Combine(TestData.Folder, "real", sheet), Path.Combine(images, name));
        }

        var jsonl = _folder.File("images.jsonl");

        var (code, _, error) = AppProcess.Run(
            "image", images, "--no-window", "--model", AppProcess.TestModel, "--jsonl", jsonl);

        Assert.True(code == 0, error);
        var lines = ReadingsJsonl.ReadFile(jsonl);
        Assert.Equal([0L, 1L], lines.Select(l => l.Frame));
        Assert.Equal([Path.Combine(images, "p2.png"), Path.Combine(images, "p10.png")], lines.Select(l => l.Source));
    }

    [Theory]
    [InlineData("video x.avi --frobnicate", "Unrecognized command or argument '--frobnicate'", 2)]
    [InlineData("video x.avi --record", "Required argument missing for option: '--record'", 2)]
    [InlineData("video x.avi --no-window --record same.jsonl --jsonl same.jsonl", "name the same file", 2)]
    [InlineData("camera --index -1", "--index must be at least 0, not -1", 2)]
    [InlineData("camera --index x --no-window", "--index takes a whole number, not 'x'", 2)]
    [InlineData("camera --index 99999999999 --no-window",
        "--index 99999999999 is out of range (a whole number from -2147483648 to 2147483647)", 2)]
    [InlineData("video x.avi --log-level Loud",
        "--log-level takes one of Trace, Debug, Information, Warning, Error, Critical, None, not 'Loud'", 2)]
    [InlineData("video MISSING --no-window", "video file not found", 3)]
    [InlineData("image MISSING --no-window", "no such image file or folder", 3)]
    [InlineData("image DATA/real/sheet_a.png --no-windw", "Unrecognized command or argument '--no-windw' (see", 2)]
    [InlineData("video --no-windw", "Unrecognized command or argument '--no-windw' (see", 2)]
    [InlineData("video --no-windw MISSING", "Unrecognized command or argument '--no-windw' (see", 2)]
    [InlineData("image DATA/real/sheet_a.png --no-window --model DATA/models/unsupported-op.pb",
        "cannot import the operation Cumprod (layer \"sequential/cumulative/Cumprod\"); export the model to ONNX", 3)]
    [InlineData("image DATA/real/sheet_a.png --no-window --model DATA/models",
        "models: is a folder, not a model file (name the .onnx or .pb file in it)", 3)]
    [InlineData("image DATA/real/sheet_a.png --no-window --engine ort --model DATA/models",
        "models: is a folder, not a model file", 3)]
    public void Command_BadArguments_OneLineErrorAndExitCode(string arguments, string message, int exitCode)
    {
        var missing = _folder.File("missing.avi");

        var (code, output, error) = AppProcess.Run(arguments.Replace("MISSING", missing, StringComparison.Ordinal)
            .Replace("DATA/", TestData.Folder + "/", StringComparison.Ordinal)
            .Split(' '));

        Assert.Equal(exitCode, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("livedigits: error: ", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public void Image_DamagedImageInAFolder_NamedAndSkippedTheRestReadAndTheExitCodeSaysSo()
    {
        var folder = Path.Combine(_folder.Path, "pages");
        Directory.CreateDirectory(folder);
        var pages = Enumerable.Range(1, 3).Select(n => Path.Combine(folder, $"page{n}.png")).ToArray();
        foreach (var page in pages)
        {
            File.Copy(Path.Combine(TestData.Folder, "real", "sheet_a.png"), page);
        }

        var bytes = File.ReadAllBytes(pages[1]);
        File.WriteAllBytes(pages[1], bytes[..(bytes.Length / 2)]);
        var jsonl = _folder.File("run.jsonl");

        var (code, output, error) = AppProcess.Run(
            "image", folder, "--no-window", "--model", AppProcess.TestModel, "--jsonl", jsonl);

        // Before: exit 3 at page2, page3 never read, and libpng's own "libpng error: Read Error" on stderr.
        Assert.Equal(3, code);
        Assert.Equal([pages[0], pages[2]], ReadingsJsonl.ReadFile(jsonl).Select(r => r.Source));
        Assert.Contains("frames 2 in", output, StringComparison.Ordinal);
        Assert.Contains($"{pages[1]}: the image cannot be decoded (the PNG file is cut short); skipped", error,
            StringComparison.Ordinal);
        Assert.Equal(
            $"livedigits: error: 1 of 3 images could not be decoded and were skipped ({pages[1]}); " +
            "the others were read",
            error.Trim().Split('\n')[^1]);
        Assert.DoesNotContain("libpng", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_FileNamedLikeAnOptionGivenWithItsFolder_Read()
    {
        // A word starting with -- is an option; such a file is named with a folder before it (./--page.png).
        var page = _folder.File("--page.png");
        File.Copy(Path.Combine(TestData.Folder, "real", "sheet_a.png"), page);
        var jsonl = _folder.File("run.jsonl");

        var (code, _, error) = AppProcess.Run(
            "image", page, "--no-window", "--model", AppProcess.TestModel, "--jsonl", jsonl);

        Assert.True(code == 0, error);
        Assert.Equal(page, Assert.Single(ReadingsJsonl.ReadFile(jsonl)).Source);
    }

    [Theory]
    [InlineData("video VIDEO --jsonl VIDEO", "--jsonl VIDEO")]
    [InlineData("video VIDEO --record VIDEO", "--record VIDEO")]
    [InlineData("image FOLDER --jsonl IMAGE", "--jsonl IMAGE")]
    [InlineData("video VIDEO --jsonl MODEL", "--jsonl MODEL")]
    [InlineData("video VIDEO --jsonl SYMLINK-VIDEO", "--jsonl SYMLINK-VIDEO")]
    [InlineData("video VIDEO --record HARDLINK-VIDEO", "--record HARDLINK-VIDEO")]
    [InlineData("image FOLDER --jsonl SYMLINK-IMAGE", "--jsonl SYMLINK-IMAGE")]
    [InlineData("image FOLDER --record HARDLINK-IMAGE", "--record HARDLINK-IMAGE")]
    [InlineData("video VIDEO --jsonl HARDLINK-MODEL", "--jsonl HARDLINK-MODEL")]
    public void Command_OutputNamesAFileTheRunReads_RefusedAndTheFileUntouched(string arguments, string named)
    {
        // The outputs are created empty before the first frame: `--jsonl clip.avi` destroyed the video it was
        // asked to read, and then failed saying the video was empty.
        var folder = Path.Combine(_folder.Path, "pages");
        Directory.CreateDirectory(folder);
        var image = Path.Combine(folder, "page.png");
        File.Copy(Path.Combine(TestData.Folder, "real", "sheet_a.png"), image);
        var video = TestMedia.WriteSheetVideo(_folder.File("clip.avi"), 3);
        var model = _folder.File("model.onnx");
        File.Copy(AppProcess.TestModel, model);

        // A link is the same file under another name: the check compared path text, so these emptied the input.
        var links = new Dictionary<string, string>();
        foreach (var (name, target) in new[] { ("VIDEO", video), ("IMAGE", image), ("MODEL", model) })
        {
            var lower = name.ToLowerInvariant();
            links[$"SYMLINK-{name}"] = File.CreateSymbolicLink(_folder.File($"symbolic-{lower}"), target).FullName;
            links[$"HARDLINK-{name}"] = HardLink(target, _folder.File($"hard-{lower}"));
        }

        string Fill(string text) => links
            .Aggregate(text, (t, link) => t.Replace(link.Key, link.Value, StringComparison.Ordinal))
            .Replace("VIDEO", video, StringComparison.Ordinal)
            .Replace("FOLDER", folder, StringComparison.Ordinal).Replace("IMAGE", image, StringComparison.Ordinal)
            .Replace("MODEL", model, StringComparison.Ordinal);
        var sizes = new[] { image, video, model }.Select(f => new FileInfo(f).Length).ToArray();

        var (code, output, error) = AppProcess.Run([.. Fill(arguments).Split(' '), "--no-window", "--model", model]);

        Assert.Equal(2, code);
        Assert.Equal($"livedigits: error: {Fill(named)}: is a file this run reads; give the output its own name",
            error.Trim());
        Assert.Equal("", output);
        Assert.Equal(sizes, new[] { image, video, model }.Select(f => new FileInfo(f).Length));
    }

    [Theory]
    [InlineData("nowhere/run.mp4", "does not exist")]
    [InlineData("run.mkv", "record to a .mp4 file (mp4v) or an .avi file (MJPG)")]
    public void Video_RecordPathUnusable_FailsBeforeReadingAnyFrame(string record, string message)
    {
        var clip = TestMedia.WriteSheetVideo(_folder.File("clip.avi"), 3);
        var jsonl = _folder.File("run.jsonl");

        var (code, _, error) = AppProcess.Run("video", clip, "--no-window", "--model", AppProcess.TestModel,
            "--jsonl", jsonl, "--record", _folder.File(record));

        Assert.Equal(3, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(jsonl));
    }

    [Fact]
    public void Video_WindowWithoutDisplay_SaysToUseNoWindow()
    {
        var clip = TestMedia.WriteSheetVideo(_folder.File("clip.avi"), 3);

        var (code, _, error) = AppProcess.Run("video", clip, "--model", AppProcess.TestModel);

        // A missing display is an unusable device (exit 3, as for the pad); it was a usage error, exit 2.
        Assert.Equal(3, code);
        Assert.Equal("livedigits: error: no display to show the window on (DISPLAY is not set); use --no-window",
            error.Trim());
    }

    [Fact]
    public void Cameras_NoCameraHere_SaysSoClearly()
    {
        if (OperatingSystem.IsLinux() && Directory.EnumerateFiles("/dev", "video*").Any())
        {
            return; // This machine has a camera; the listing is then machine-specific.
        }

        var (code, output, _) = AppProcess.Run("cameras");

        Assert.Equal(0, code);
        Assert.StartsWith("no camera could be opened (tried indexes 0-9 with", output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static string HardLink(string target, string link)
    {
        using var ln = Process.Start("ln", [target, link]);
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
        return link;
    }
}
