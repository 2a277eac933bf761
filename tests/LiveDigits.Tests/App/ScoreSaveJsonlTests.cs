using LiveDigits.Pipeline.Readings;
using LiveDigits.Tests.Capture;

namespace LiveDigits.Tests.App;

/// <summary><c>score --clip DIR --save-jsonl FOLDER</c>: the folder is checked before any reader runs.</summary>
public sealed class ScoreSaveJsonlTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Score_SaveJsonlNamesAnExistingFile_UsageErrorAndTheFileUntouched()
    {
        var clip = TestMedia.WriteSheetClip(_folder.File("clip"), 2);
        var file = _folder.File("taken.txt");
        File.WriteAllText(file, "not a folder\n");

        var (code, output, error) = AppProcess.Run(
            "score", "--clip", clip, "--model", AppProcess.TestModel, "--save-jsonl", file);

        // Before: "internal error: IOException: The file ... already exists." (exit 1) once the reader had run.
        Assert.Equal(2, code);
        Assert.Equal(
            $"livedigits: error: --save-jsonl {file}: is a file; name a folder (it is created if missing)",
            error.Trim());
        Assert.Equal("", output);
        Assert.Equal("not a folder\n", File.ReadAllText(file));
    }

    [Fact]
    public void Score_SaveJsonlWhereNoFolderCanBeMade_OneLineNamingTheFolderAndWhy()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc stands for a place nobody can write, even root.
        }

        var clip = TestMedia.WriteSheetClip(_folder.File("clip"), 2);

        var (code, output, error) = AppProcess.Run(
            "score", "--clip", clip, "--model", AppProcess.TestModel, "--save-jsonl", "/proc/livedigits-saved");

        // Before: "Could not find file '/proc/livedigits-saved'", after the reader had run.
        Assert.Equal(3, code);
        Assert.Equal(
            "livedigits: error: --save-jsonl /proc/livedigits-saved: the folder cannot be created " +
                "(no folder can be created there)",
            error.Trim());
        Assert.Equal("", output);
    }

    [Fact]
    public void Score_SaveJsonlInAWritableFolder_EveryFrameSavedAndScored()
    {
        var clip = TestMedia.WriteSheetClip(_folder.File("clip"), 3);
        var saved = _folder.File("saved");

        var (code, output, error) = AppProcess.Run(
            "score", "--clip", clip, "--model", AppProcess.TestModel, "--save-jsonl", saved);

        Assert.True(code == 0, error);
        var lines = ReadingsJsonl.ReadFile(Path.Combine(saved, "livedigits.jsonl"));
        Assert.Equal([0L, 1L, 2L], lines.Select(l => l.Frame));
        Assert.Contains("method=livedigits", output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
