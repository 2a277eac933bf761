using LiveDigits.Capture.Clips;
using LiveDigits.Pipeline.Readings;
using LiveDigits.Tests.Capture;
using OpenCvSharp;

namespace LiveDigits.Tests.App;

/// <summary>Mistakes a new user made, each answered by one line naming the value and a non-zero exit.</summary>
public sealed class CommandErrorsTests : IDisposable
{
    private const string Commands = "bench, camera, cameras, demo, eval, image, make-clip, pad, score, video";

    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("frobnicate", $"unknown command 'frobnicate'; the commands are {Commands} (see 'livedigits --help')")]
    [InlineData("", $"no command given; the commands are {Commands} (see 'livedigits --help')")]
    [InlineData("video x.avi --frob", "Unrecognized command or argument '--frob' (see 'livedigits video --help')")]
    public void Parse_UnknownOrMissingCommand_ListsCommandsAndTheFullHelpCommand(string arguments, string message)
    {
        var (code, output, error) = AppProcess.Run(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(2, code);
        Assert.Equal($"livedigits: error: {message}", error.Trim());
        Assert.Equal("", output);
    }

    [Fact]
    public void MakeClip_OutIsAnExistingFile_UsageErrorNamingThePath()
    {
        var file = _folder.File("taken.txt");
        File.WriteAllText(file, "not a folder\n");

        var (code, output, error) = AppProcess.Run("make-clip", "--out", file, "--frames", "2");

        Assert.Equal(2, code);
        Assert.Equal(
            $"livedigits: error: --out {file}: is a file; name a folder (it is created if missing)", error.Trim());
        Assert.Equal("", output);
        Assert.Equal("not a folder\n", File.ReadAllText(file));
    }

    [Theory]
    [InlineData("--frames -5", "--frames must be from 1 to 36000 (20 minutes at 30 fps), not -5")]
    [InlineData("--frames 2147483647", "--frames must be from 1 to 36000 (20 minutes at 30 fps), not 2147483647")]
    [InlineData("--size 100000x100000", "--size must be from 160x120 to 7680x4320, not 100000x100000")]
    [InlineData("--size big", "--size must be WIDTHxHEIGHT, such as 1280x720, not 'big'")]
    [InlineData(
        "--size 321x241", "--size must have an even width and height (the video codecs store 2x2 blocks), not 321x241")]
    [InlineData(
        "--size 640x481", "--size must have an even width and height (the video codecs store 2x2 blocks), not 640x481")]
    [InlineData(
        "--video ../escape.avi",
        "--video ../escape.avi: give a file name inside DIR, without a folder, such as clip.avi")]
    [InlineData(
        "--video sub/clip.avi",
        "--video sub/clip.avi: give a file name inside DIR, without a folder, such as clip.avi")]
    [InlineData("--fps 0", "--fps must be above 0 and at most 240, not 0")]
    [InlineData("--spacing 9", "--spacing must be from 1 to 8, not 9")]
    public void MakeClip_ValueOutOfRange_OneUsageLineSayingTheRange(string option, string message)
    {
        // Before: .NET's ArgumentOutOfRangeException text ("FrameCount ('-5') must be ..."), 2^31 frames ran
        // out of memory as an internal error, 321x241 wrote a 320x240 video whose truth said 321x241,
        // and --video ../escape.avi failed late naming partial-../escape.avi.
        var output = _folder.File("clip");

        var (code, stdout, error) = AppProcess.Run(["make-clip", "--out", output, .. option.Split(' ')]);

        Assert.Equal(2, code);
        Assert.Equal($"livedigits: error: {message} (see 'livedigits make-clip --help')", error.Trim());
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData(
        "/proc/livedigits-clip/a",
        "--out /proc/livedigits-clip/a: the folder cannot be created (no folder can be created there)")]
    [InlineData("/proc", "/proc/clip.avi: the folder /proc cannot be written (no file can be created in it)")]
    public void MakeClip_OutWhereNothingCanBeWritten_OneLineNamingTheFolderAndWhy(string output, string message)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc stands for a folder nobody can write, even root.
        }

        // Before: "internal error: IOException ..." (exit 1), or "cannot open a video writer (OpenCvSharp.FourCC)".
        var (code, stdout, error) = AppProcess.Run("make-clip", "--out", output, "--frames", "2");

        Assert.Equal(3, code);
        Assert.Equal($"livedigits: error: {message}", error.Trim());
        Assert.Equal("", stdout);
    }

    [Theory]
    [InlineData("--baselines", "--baselines needs --clip DIR")]
    [InlineData("--save-jsonl SAVED", "--save-jsonl SAVED needs --clip DIR")]
    [InlineData("--clip CLIP", "--clip CLIP reads the clip's own truth.json and runs the reader itself")]
    public void Score_OptionOfTheOtherMode_RefusedInOneLine(string option, string message)
    {
        var (truth, jsonl) = WriteClipFiles(fps: 10, frames: 3, ReadingsAt(fps: 10, frames: 3));
        string Expand(string text) => text
            .Replace("SAVED", _folder.File("saved"), StringComparison.Ordinal)
            .Replace("CLIP", _folder.Path, StringComparison.Ordinal);

        var (code, output, error) = AppProcess.Run(["score", truth, jsonl, .. Expand(option).Split(' ')]);

        AssertOneLineError(2, Expand(message), code, error);
        Assert.Equal("", output);
        Assert.False(Directory.Exists(_folder.File("saved")));
    }

    [Theory]
    [InlineData(10, 5, "frame 3 is outside the clip")]
    [InlineData(25, 3, "frame 1 is at 40 ms, not 100 ms")]
    public void Score_ReadingsOfAnotherClip_RefusedNamingTheFrame(double fps, int frames, string problem)
    {
        var (truth, jsonl) = WriteClipFiles(fps: 10, frames: 3, ReadingsAt(fps, frames));

        var (code, output, error) = AppProcess.Run("score", truth, jsonl);

        AssertOneLineError(
            3,
            $"{jsonl}: {problem}, so it was not read from the clip of {truth} (3 frames, 320x240, 10 fps)",
            code,
            error);
        Assert.Equal("", output);
    }

    [Fact]
    public void Score_BoxOutsideTheClipsFrame_Refused()
    {
        FrameReadings[] lines = [new(0, 0, [new DigitReading(new Rect(600, 400, 20, 30), 7, 0.9)], [])];
        var (truth, jsonl) = WriteClipFiles(fps: 10, frames: 3, lines);

        var (code, _, error) = AppProcess.Run("score", truth, jsonl);

        AssertOneLineError(3, "frame 0 has a box [600, 400, 20, 30] outside the frame", code, error);
    }

    [Fact]
    public void Score_ReadingsOfTheSameClip_Scored()
    {
        var (truth, jsonl) = WriteClipFiles(fps: 10, frames: 3, ReadingsAt(fps: 10, frames: 3));

        var (code, output, error) = AppProcess.Run("score", truth, jsonl);

        Assert.True(code == 0, error);
        Assert.Contains("3 / 0 / 0", output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Score_ReadingsCoverFewerFramesThanTheTruth_ScoredWithAWarning(int frames)
    {
        // An empty file scored zeros with exit 0 and no word, like a reader that found nothing.
        var (truth, jsonl) = WriteClipFiles(fps: 10, frames: 3, ReadingsAt(fps: 10, frames: frames));

        var (code, output, error) = AppProcess.Run("score", truth, jsonl);

        Assert.True(code == 0, error);
        Assert.Contains("score f1=", output, StringComparison.Ordinal);
        Assert.Equal(
            $"livedigits: warning: {jsonl} has readings for {frames} of the clip's 3 frames; " +
            "frames without a line count as read with nothing found",
            error.Trim());
    }

    [Theory]
    [InlineData("video | --no-window", "FILE: the file name is empty", "video")]
    [InlineData("video x.avi --no-window --jsonl |", "--jsonl: the file name is empty", "video")]
    [InlineData("video x.avi --no-window --record |", "--record: the file name is empty", "video")]
    [InlineData("video x.avi --no-window --model |", "--model: the file name is empty", "video")]
    [InlineData("camera --no-window --jsonl |", "--jsonl: the file name is empty", "camera")]
    [InlineData("image | --no-window", "FILE: the file name is empty", "image")]
    [InlineData("image a.png || --no-window", "FILE: the file name is empty", "image")]
    [InlineData("make-clip --out |", "--out: the folder name is empty", "make-clip")]
    [InlineData("make-clip --out clip --video |", "--video: the file name is empty", "make-clip")]
    [InlineData("eval --model |", "--model: the file name is empty", "eval")]
    [InlineData("bench --model |", "--model: the file name is empty", "bench")]
    [InlineData("score --clip clip --save-jsonl |", "--save-jsonl: the folder name is empty", "score")]
    [InlineData("score | |", "TRUTH: the file name is empty", "score")]
    [InlineData("score truth.json |", "OUTPUT: the file name is empty", "score")]
    [InlineData("demo --model |", "--model: the file name is empty", "demo")]
    [InlineData("pad --model |", "--model: the file name is empty", "pad")]
    public void Command_EmptyPath_OneUsageLineNamingTheOption(string arguments, string message, string command)
    {
        // | stands for an empty word and || for a blank one. Before: an internal error, ArgumentException "The
        // value cannot be an empty string", exit 1; image and score said ": no such image file or folder", exit 3.
        var words = arguments.Split(' ').Select(w => w switch { "|" => "", "||" => "  ", _ => w });

        var (code, output, error) = AppProcess.Run([.. words]);

        Assert.Equal(2, code);
        Assert.Equal($"livedigits: error: {message} (see 'livedigits {command} --help')", error.Trim());
        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("{\"frame\":0}")]
    [InlineData("{\"frame\":0,\"digits\":[]}")]
    [InlineData("{\"frame\":0,\"timeMs\":0,\"numbers\":[{\"value\":\"7\",\"box\":[1,1,5,5],\"confidence\":1}]}")]
    public void Score_LineWithoutAList_ReadAsEmpty(string line)
    {
        // Before: an internal error, ArgumentNullException (Parameter 'source'), exit 1.
        var (truth, jsonl) = WriteClipFiles(fps: 10, frames: 1, []);
        File.WriteAllText(jsonl, line + "\n");

        var (code, output, error) = AppProcess.Run("score", truth, jsonl);

        Assert.True(code == 0, error);
        Assert.Contains("score f1=", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"timeMs\":0,\"digits\":[],\"numbers\":[]}")]
    public void Score_LineWithoutFrame_OneLineNamingTheFileAndLine(string line)
    {
        // Before: an internal error, ArgumentNullException (Parameter 'source'), exit 1.
        var (truth, jsonl) = WriteClipFiles(fps: 10, frames: 2, ReadingsAt(fps: 10, frames: 1));
        File.AppendAllText(jsonl, line + "\n");

        var (code, output, error) = AppProcess.Run("score", truth, jsonl);

        AssertOneLineError(3, $"{jsonl}:2: not a readings line (\"frame\" is missing)", code, error);
        Assert.Equal("", output);
    }

    public void Dispose() => _folder.Dispose();

    private static void AssertOneLineError(int expectedCode, string message, int code, string error)
    {
        Assert.Equal(expectedCode, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("livedigits: error: ", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    private static FrameReadings[] ReadingsAt(double fps, int frames) =>
        [.. Enumerable.Range(0, frames).Select(i => new FrameReadings(
            i, i * 1000.0 / fps, [new DigitReading(new Rect(10, 10, 20, 30), 7, 0.9)], []))];

    private (string Truth, string Jsonl) WriteClipFiles(double fps, int frames, IEnumerable<FrameReadings> lines)
    {
        var truth = new ClipTruth(
            ClipTruth.CurrentVersion, "plain", 1, 320, 240, fps, frames, ClipFiles.DefaultVideoFileName, [], [],
            [.. Enumerable.Range(0, frames).Select(i => new ClipFrameTruth(i, i * 1000.0 / fps, [], []))]);
        var truthPath = _folder.File(ClipFiles.TruthFileName);
        ClipTruthFile.Write(truth, truthPath);
        var jsonl = _folder.File("run.jsonl");
        File.WriteAllLines(jsonl, lines.Select(ReadingsJsonl.ToLine));
        return (truthPath, jsonl);
    }
}
