using System.CommandLine;
using System.Globalization;
using LiveDigits.App.Benchmarking;
using LiveDigits.App.Hosting;
using LiveDigits.Capture;
using LiveDigits.Capture.Clips;
using LiveDigits.Pipeline.Classification;
using LiveDigits.Pipeline.Normalisation;
using LiveDigits.Pipeline.Reader;
using Microsoft.Extensions.Logging;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace LiveDigits.App.Commands;

/// <summary>
/// <c>livedigits bench</c>: the reader end to end on a 720p clip with about 20 digits in view (or the
/// demo's busier clip, <c>--clip demo</c>) with no window. File mode
/// gives frames per second; live mode plays the clip at 30 fps through the latest-wins path and gives the
/// time from capture to readings. The naive baseline (the tutorial's normalisation and network, one
/// forward pass per candidate) runs in the same run, and every figure is a median over repetitions.
/// </summary>
public static class BenchCommand
{
    private const int DefaultLiveFrames = 300;

    /// <summary>Declares the command.</summary>
    /// <returns>The command with its options and action.</returns>
    public static Command Create()
    {
        var model = CommonOptions.Model("Network to measure; default: models/livedigits.onnx.");
        var engine = CommonOptions.Engine();
        var frames = new Option<int?>("--frames")
        {
            Description = "Frames per measurement (default: the whole clip in file mode, 300 live).",
            HelpName = "N",
        };
        frames.Validators.Add(result =>
        {
            if (CommonOptions.HasNumberValue<int>(result) && result.GetValueOrDefault<int?>() is < 1 and var value)
            {
                result.AddError($"--frames must be at least 1, not {value}");
            }
        });
        var repeat = new Option<int>("--repeat") { Description = "Repetitions.", DefaultValueFactory = _ => 3 };
        var fps = new Option<double>("--fps") { Description = "Live frame rate.", DefaultValueFactory = _ => 30 };
        var clip = new Option<string>("--clip")
        {
            Description = "twenty: 720p, about 20 digits a frame, as the targets assume; demo: the demo's clip.",
            DefaultValueFactory = _ => "twenty",
        };
        var minutes = new Option<double?>("--minutes")
        {
            Description = "Soak instead: run live this long and report memory at intervals.",
            HelpName = "M",
        };
        var command = new Command("bench", "Measure the reader end to end: file-mode fps and live latency.")
        {
            model, engine, clip, frames, repeat, fps, minutes,
        };
        command.SetAction((parsed, cancel) => UserErrors.RunAsync(() => RunAsync(
            new BenchSettings(
                parsed.GetValue(model),
                CommonOptions.ParseEngine(parsed.GetValue(engine)),
                parsed.GetValue(clip),
                parsed.GetValue(frames),
                parsed.GetValue(repeat),
                parsed.GetValue(fps),
                parsed.GetValue(minutes)),
            parsed.GetValue(CommonOptions.LogLevel),
            cancel)));
        return command;
    }

    private static async Task<int> RunAsync(BenchSettings settings, LogLevel level, CancellationToken cancel)
    {
        settings.Validate();
        using var logging = AppLogging.Create(level);
        var logger = logging.CreateLogger(nameof(BenchCommand));
        var model = ResolveModel(settings.Model);

        // The model is loaded before the clip is made, so that a wrong --model fails at once.
        using var reader = new DigitReader(
            new DigitReaderOptions { ModelPath = model, Engine = settings.Engine },
            logging);
        var clip = settings.Clip == "demo" ? DefaultClip.Ensure(logger, cancel)
            : BenchClip.Ensure(logger, cancel);
        var liveFrames = settings.Frames ?? DefaultLiveFrames;
        using var frames = ClipFrames.Load(clip.Video, liveFrames);

        if (settings.Minutes is { } minutes)
        {
            var duration = TimeSpan.FromMinutes(minutes);
            var interval = TimeSpan.FromSeconds(Math.Clamp(duration.TotalSeconds / 10, 1, 60));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"soak: {model} on {settings.Engine}, live at {settings.Fps:0.#} fps for {minutes:0.##} min"));
            var soak = await SoakRun.RunAsync(
                reader, frames.Frames, settings.Fps, duration, interval, Console.Out, logging, cancel)
                .ConfigureAwait(false);
            BenchReport.Live(Console.Out, "soak", [soak]);
            return ExitCodes.Success;
        }

        var tutorial = Path.Combine(ProjectPaths.Models, "tutorial-pytorch.onnx");
        using var naiveNetwork = DigitClassifier.Load(
            tutorial, logging.CreateLogger<DigitClassifier>(), allowBatch: false);
        using var naiveClassifier = new NetworkCandidateClassifier(naiveNetwork, ownsNetwork: false);
        using var naive = new DigitReader(
            new DigitReaderOptions { Normaliser = new TutorialNormaliser(), Classifier = naiveClassifier },
            logging);

        var size = frames.Frames[0].Size();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"bench: {clip.Video} {size.Width}x{size.Height}; {settings.Repeat} repetitions; " +
            $"each figure is median [min..max]"));
        Console.WriteLine(DigitsInView(clip));
        Console.WriteLine($"reader default: {model} on {settings.Engine}, one batch per frame, MNIST normalisation");
        Console.WriteLine($"reader naive: {tutorial} on OpenCvDnn, one pass per candidate, tutorial normalisation");
        var run = new Measurement(
            clip.Video, settings.Frames ?? int.MaxValue, liveFrames, settings.Fps, logging, cancel);
        await run.MeasureAsync(reader, naive, frames.Frames, settings.Repeat).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static string DigitsInView(ClipFiles clip)
    {
        var truth = ClipTruthFile.Read(clip.Truth);
        var counts = truth.Frames.Select(f => (double)f.Digits.Count(d => !d.Ignore)).ToList();
        var spread = Spread.Of(counts);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"clip: {truth.Style}, seed {truth.Seed}, spacing {truth.Spacing:0.#}; digits in view a frame " +
            $"(truth) {spread.Median:0} [{spread.Min:0}..{spread.Max:0}]");
    }

    private static string ResolveModel(string? given)
    {
        if (given is not null)
        {
            return given;
        }

        if (File.Exists(ProjectPaths.DefaultModel))
        {
            return ProjectPaths.DefaultModel;
        }

        // The default network ships separately from the code; until it is there, the tutorial network
        // stands in so the pipeline can still be measured.
        var fallback = Path.Combine(ProjectPaths.Models, "tutorial-pytorch.onnx");
        Console.Error.WriteLine($"livedigits: note: {ProjectPaths.DefaultModel} not found; measuring {fallback}");
        return fallback;
    }

    private sealed record BenchSettings(
        string? Model, ClassifierEngine Engine, string? Clip, int? Frames, int Repeat, double Fps, double? Minutes)
    {
        public void Validate()
        {
            if (Clip is not ("twenty" or "demo"))
            {
                throw new UsageException($"--clip {Clip}: expected twenty (about 20 digits a frame) or demo");
            }

            if (Frames is < 1)
            {
                throw new UsageException($"--frames must be at least 1, not {Frames}");
            }

            if (Repeat < 1)
            {
                throw new UsageException($"--repeat must be at least 1, not {Repeat}");
            }

            if (Fps is not (> 0 and <= 240))
            {
                throw new UsageException(string.Create(
                    CultureInfo.InvariantCulture, $"--fps must be above 0 and at most 240, not {Fps}"));
            }

            if (Minutes is <= 0)
            {
                throw new UsageException(string.Create(
                    CultureInfo.InvariantCulture, $"--minutes must be above 0, not {Minutes}"));
            }
        }
    }
}
