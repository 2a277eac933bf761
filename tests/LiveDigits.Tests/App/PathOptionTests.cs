using LiveDigits.App;
using LiveDigits.Tests.Capture;

namespace LiveDigits.Tests.App;

/// <summary>
/// Options that take a file or folder, given no value but the next option: the parser hands any next word to
/// an option as its value, so a forgotten FILE turned the following option into a file name.
/// </summary>
public sealed class PathOptionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>Every option of every command whose value is a path (named FILE, DIR or NAME in the help).</summary>
    public static TheoryData<string, string, string> PathOptions()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var command in Program.BuildCommandLine().Subcommands)
        {
            foreach (var option in command.Options.Where(o => o.HelpName is "FILE" or "DIR" or "NAME"))
            {
                data.Add(command.Name, option.Name, option.HelpName!);
            }
        }

        return data;
    }

    [Fact]
    public void PathOptions_EveryCommand_IncludeTheOnesUsersTripOn()
    {
        var options = PathOptions().Select(row => $"{row[0]} {row[1]}").ToList();

        Assert.Contains("image --jsonl", options);
        Assert.Contains("video --record", options);
        Assert.Contains("camera --model", options);
        Assert.Contains("make-clip --out", options);
        Assert.Contains("make-clip --video", options);
        Assert.Contains("score --save-jsonl", options);
    }

    [Theory]
    [MemberData(nameof(PathOptions))]
    public void Parse_PathOptionFollowedByAnOption_RefusedAsMissingItsValue(
        string command, string option, string helpName)
    {
        var root = Program.BuildCommandLine();
        var own = root.Subcommands.Single(c => c.Name == command).Options.First(o => o.Name != option).Name;

        foreach (var value in new[] { own, "--log-level", "-h", "--not-an-option" })
        {
            var parsed = root.Parse([command, option, value]);

            Assert.Contains(
                $"{option} needs a {helpName}, not '{value}' (a file so named is given as ./{value})",
                parsed.Errors.Select(e => e.Message));
        }
    }

    [Theory]
    [InlineData("--jsonl", "./--no-window")]
    [InlineData("--jsonl", "-readings.jsonl")]
    [InlineData("--record", "clip.avi")]
    public void Parse_PathOptionWithAFileNamedLikeAnOption_Accepted(string option, string value)
    {
        var parsed = Program.BuildCommandLine().Parse(["video", "in.avi", option, value, "--no-window"]);

        Assert.Empty(parsed.Errors);
    }

    [Theory]
    [InlineData("image IMAGE --jsonl --no-window --no-window", "--jsonl needs a FILE, not '--no-window'", "image")]
    [InlineData("video VIDEO --jsonl --no-window", "--jsonl needs a FILE, not '--no-window'", "video")]
    [InlineData("video VIDEO --no-window --jsonl --record x.mp4", "--jsonl needs a FILE, not '--record'", "video")]
    [InlineData("make-clip --out --frames 2", "--out needs a DIR, not '--frames'", "make-clip")]
    public void Command_PathOptionFollowedByAnOption_OneUsageLineAndNoFileMade(
        string arguments, string message, string command)
    {
        // Before: image exited 0 having written the readings to a file named --no-window, video wanted a
        // display it was told not to use, and the third took x.mp4 for an unknown argument.
        var image = Path.Combine(TestData.Folder, "real", "sheet_a.png");
        var video = _folder.File("missing.avi");
        string[] words = [.. arguments.Replace("IMAGE", image, StringComparison.Ordinal)
            .Replace("VIDEO", video, StringComparison.Ordinal).Split(' ')];

        var (code, output, error) = AppProcess.Run(words);

        Assert.Equal(2, code);
        Assert.Equal(
            $"livedigits: error: {message} (a file so named is given as ./{message.Split('\'')[1]}) " +
                $"(see 'livedigits {command} --help')",
            error.Trim());
        Assert.Equal("", output);
        Assert.False(File.Exists("--no-window"));
        Assert.False(Directory.Exists("--frames"));
    }

    public void Dispose() => _folder.Dispose();
}
