using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using LiveDigits.Capture;
using LiveDigits.Overlay.Pad;
using LiveDigits.Tests.Cli;
using LiveDigits.Tests.Pad;
using OpenCvSharp;

namespace LiveDigits.Tests.Windows;

/// <summary>
/// The pad as a user meets it: the real program in a real window (Xvfb + openbox), digits written with
/// mouse strokes by xdotool, space pressed, the printed lines read back, and a screenshot of the window.
/// </summary>
public sealed partial class PadWindowTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    [Fact]
    public void Pad_DigitsZeroToNineThenANumberDrawnWithTheMouse_PrintsEachAndShowsTheWholeCanvas()
    {
        using var x = XvfbSession.Start(1024, 768);
        using var pad = PadProgram.Start(x.Display);
        var window = pad.WaitForWindow(x);
        x.Tool("xdotool", "windowactivate", "--sync", window);
        var printed = new List<string>();
        string screenshot = string.Empty;

        foreach (var digit in PadStrokes.Digits)
        {
            Draw(x, window, digit.PenPaths());
            if (digit.Label == 8)
            {
                screenshot = Screenshot(x, window, "pad-window.png");
            }

            x.Tool("xdotool", "key", "space");
            printed.Add(pad.NextLine());
        }

        Draw(x, window, PadStrokes.Named("4").Placed(new Point(105, 200), 0.5).PenPaths());
        Draw(x, window, PadStrokes.Named("2").Placed(new Point(290, 205), 0.55).PenPaths());
        var numberShot = Screenshot(x, window, "pad-window-number.png");
        x.Tool("xdotool", "key", "space");
        var number = pad.NextLine();
        x.Tool("xdotool", "key", "q");
        var exitCode = pad.WaitForExit();

        Assert.Equal(0, exitCode);
        Assert.All(printed, line => Assert.Matches(ReadingLine(), line));
        Assert.Equal(
            PadStrokes.Digits.Select(d => d.LabelText),
            printed.Select(line => line.Split(' ')[0]));
        AssertShowsWholeCanvas(screenshot, PadStrokes.Named("8").PenPaths());
        Assert.Matches(@"^42 \(\d{1,3}\.\d%\)$", number);
        Assert.True(File.Exists(numberShot));
    }

    [Fact]
    public void Pad_StrokeClearedWithCThenSpace_PrintsEmptyAndEscQuits()
    {
        using var x = XvfbSession.Start(800, 600);
        using var pad = PadProgram.Start(x.Display);
        var window = pad.WaitForWindow(x);
        x.Tool("xdotool", "windowactivate", "--sync", window);
        Draw(x, window, PadStrokes.Named("7").PenPaths());

        x.Tool("xdotool", "key", "c");
        x.Tool("xdotool", "key", "space");
        var line = pad.NextLine();
        x.Tool("xdotool", "key", "Escape");
        var exitCode = pad.WaitForExit();

        Assert.Equal("empty", line);
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public void Pad_NoDisplay_FailsWithOneLineAndNonZeroExit()
    {
        var result = AppProcess.Run(["pad"], new Dictionary<string, string?> { ["DISPLAY"] = null });

        Assert.Equal(3, result.ExitCode);
        var error = Assert.Single(result.ErrorLines);
        Assert.StartsWith(
            "livedigits: error: the pad needs a display (DISPLAY is not set)", error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Pad_DisplayNobodyServes_FailsWithOneLineNamingIt()
    {
        var result = AppProcess.Run(["pad"], new Dictionary<string, string?> { ["DISPLAY"] = ":4999" });

        Assert.NotEqual(0, result.ExitCode);
        var error = Assert.Single(result.ErrorLines);
        Assert.Contains("cannot connect to display :4999", error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\d \(\d{1,3}\.\d%\)$")]
    private static partial Regex ReadingLine();

    /// <summary>Each stroke is one xdotool call: press, move through the path at a hand's pace, release.</summary>
    /// <remarks>
    /// GTK merges the pointer motions that queue up between two event pumps into the last one, so moves
    /// sent all at once would reach the pad as one straight line from the first point to the last. A
    /// pause a little longer than the pad's frame lets each move arrive, as a real hand's do.
    /// </remarks>
    private static void Draw(XvfbSession x, string window, IReadOnlyList<IReadOnlyList<Point>> strokes)
    {
        foreach (var stroke in strokes)
        {
            var args = new List<string>();
            args.AddRange(Move(window, stroke[0]));
            args.AddRange(["mousedown", "1"]);
            foreach (var point in stroke.Skip(1))
            {
                args.AddRange(["sleep", "0.025"]);
                args.AddRange(Move(window, point));
            }

            args.AddRange(["mouseup", "1"]);
            x.Tool("xdotool", [.. args]);
        }

        // A hand rests between writing and pressing space; without the pause the key could overtake the
        // last pointer motions, which GTK holds back to merge.
        Thread.Sleep(300);
    }

    private static string[] Move(string window, Point at) =>
        ["mousemove", "--window", window, Text(at.X), Text(at.Y)];

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Screenshot(XvfbSession x, string window, string name)
    {
        var folder = Path.Combine(ProjectPaths.Root, "out", "tests");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);

        // The live panel updates a frame after the last stroke; a short pause lets the shot show it.
        Thread.Sleep(500);
        x.Tool("import", "-window", window, path);
        return path;
    }

    private static void AssertShowsWholeCanvas(string screenshot, IReadOnlyList<IReadOnlyList<Point>> drawn)
    {
        using var shot = Cv2.ImRead(screenshot, ImreadModes.Grayscale);
        Assert.True(shot.Cols >= PadCanvas.DefaultSide + PadView.PanelWidth, $"window {shot.Cols} px wide");
        Assert.True(shot.Rows >= PadCanvas.DefaultSide, $"window {shot.Rows} px tall");

        // The canvas area of the shot must match the strokes as the pad would draw them: same place, same
        // size, nothing cut off. Mouse motion arrives coalesced, so the match is close, not exact.
        using var expected = new PadCanvas();
        expected.Draw(drawn);
        using var canvasArea = new Mat(shot, new Rect(0, 0, PadCanvas.DefaultSide, PadCanvas.DefaultSide));
        using var shown = canvasArea.Threshold(127, 255, ThresholdTypes.Binary);
        using var wanted = expected.Image.Threshold(127, 255, ThresholdTypes.Binary);
        using var both = new Mat();
        using var either = new Mat();
        Cv2.BitwiseAnd(shown, wanted, both);
        Cv2.BitwiseOr(shown, wanted, either);
        var overlap = (double)Cv2.CountNonZero(both) / Cv2.CountNonZero(either);
        Assert.True(overlap > 0.9, $"the stroke on screen overlaps the drawn one by {overlap:P0}");
    }

    /// <summary>The pad program, with its standard output read line by line as it prints.</summary>
    private sealed class PadProgram : IDisposable
    {
        private readonly Process _process;
        private readonly BlockingCollection<string> _lines = [];
        private readonly ConcurrentQueue<string> _errors = new();

        private PadProgram(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    _lines.Add(e.Data);
                }
            };
            _process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    _errors.Enqueue(e.Data);
                }
            };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public static PadProgram Start(string display)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = ProjectPaths.Root,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "livedigits.dll"));
            foreach (var arg in new[] { "pad", "--model", PadModel.Path })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["DISPLAY"] = display;
            start.Environment["LIVEDIGITS_HOME"] = ProjectPaths.Root;
            return new PadProgram(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        }

        public string WaitForWindow(XvfbSession x)
        {
            var deadline = DateTime.UtcNow + s_wait;
            while (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                if (x.TryTool("xdotool", "search", "--name", $"^{PadMode.WindowTitle}$") is { Length: > 0 } found)
                {
                    return found.Split('\n')[0];
                }

                Thread.Sleep(200);
            }

            throw new InvalidOperationException($"no '{PadMode.WindowTitle}' window appeared; stderr: {Errors()}");
        }

        public string NextLine() =>
            _lines.TryTake(out var line, s_wait)
                ? line
                : throw new TimeoutException($"the pad printed nothing within {s_wait}; stderr: {Errors()}");

        public int WaitForExit()
        {
            if (!_process.WaitForExit(s_wait))
            {
                throw new TimeoutException($"the pad did not quit within {s_wait}; stderr: {Errors()}");
            }

            _process.WaitForExit();
            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
            _lines.Dispose();
        }

        private string Errors() => string.Join(" | ", _errors);
    }
}
