using System.CommandLine;
using LiveDigits.App.Hosting;
using LiveDigits.App.Running;
using LiveDigits.Capture;
using LiveDigits.Capture.Clips;
using LiveDigits.Capture.Sources;
using LiveDigits.Pipeline.Readings;
using LiveDigits.Pipeline.Scoring;
using Microsoft.Extensions.Logging;

namespace LiveDigits.App.Commands;

/// <summary>
/// <c>livedigits demo</c>: reads the bundled default clip (generated on first use) and writes
/// <c>out/demo.mp4</c> and <c>out/demo.jsonl</c>; a window when there is a display, else a progress bar.
/// </summary>
public static class DemoCommand
{
    /// <summary>Declares the command.</summary>
    /// <returns>The command with its options and action.</returns>
    public static Command Create()
    {
        var model = CommonOptions.Model("Model to read digits with; default: models/livedigits.onnx.");
        var engine = CommonOptions.Engine();
        var noWindow = new Option<bool>("--no-window") { Description = "Show no window even when there is a display." };
        var command = new Command("demo", "Read the bundled default clip; write out/demo.mp4 and out/demo.jsonl.")
        {
            model,
            engine,
            noWindow,
        };
        command.SetAction((parsed, cancellation) => UserErrors.RunAsync(async () =>
        {
            using var logging = AppLogging.Create(parsed.GetValue(CommonOptions.LogLevel));
            var classifierEngine = CommonOptions.ParseEngine(parsed.GetValue(engine));
            ClipFiles clip;
            try
            {
                clip = DefaultClip.Ensure(logging.CreateLogger(nameof(DefaultClip)), cancellation);
            }
            catch (OperationCanceledException)
            {
                // Nothing was read, so there is nothing to score; the partial clip is already removed.
                await Console.Error.WriteLineAsync(
                    "livedigits: interrupted while making the default clip; nothing was read").ConfigureAwait(false);
                return ExitCodes.Interrupted;
            }

            var output = Path.Combine(ProjectPaths.Root, "out");
            Directory.CreateDirectory(output);

            // Unlike the other commands, the demo opens a window only where one can be shown.
            var window = !parsed.GetValue(noWindow) && Overlay.DisplayCheck.WhyNoDisplay() is null;
            var settings = new RunSettings
            {
                ModelPath = parsed.GetValue(model),
                Engine = classifierEngine,
                RecordPath = Path.Combine(output, "demo.mp4"),
                JsonlPath = Path.Combine(output, "demo.jsonl"),
                ShowWindow = window,
                ShowProgress = !window,
                ExpectedFrames = DefaultClip.Options.FrameCount,
                RecordFps = DefaultClip.Options.Fps,
            };
            var source = new VideoFileSource(clip.Video, logging.CreateLogger<VideoFileSource>());
            return await ReadingHost.RunAsync(source, settings, logging, cancellation, s => Score(clip, settings, s))
                .ConfigureAwait(false);
        }));
        return command;
    }

    private static IEnumerable<string> Score(ClipFiles clip, RunSettings settings, RunSummary summary)
    {
        if (settings.JsonlPath is not { } jsonl || !File.Exists(clip.Truth) || !File.Exists(jsonl))
        {
            return [];
        }

        // A score of the few frames read before Ctrl+C would read as the demo's accuracy; it is not one.
        if (summary.Interrupted)
        {
            return [$"score none: interrupted after {summary.Statistics.Frames} of {settings.ExpectedFrames} frames"];
        }

        var score = ClipScorer.Score(ClipTruthFile.Read(clip.Truth), ReadingsJsonl.ReadFile(jsonl));
        return [score.SummaryLine()];
    }
}
