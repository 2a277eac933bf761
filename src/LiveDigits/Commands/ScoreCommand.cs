using System.CommandLine;
using System.Globalization;
using LiveDigits.App.Hosting;
using LiveDigits.Capture.Clips;
using LiveDigits.Overlay.Output;
using LiveDigits.Pipeline.Baselines;
using LiveDigits.Pipeline.Normalisation;
using LiveDigits.Pipeline.Reader;
using LiveDigits.Pipeline.Readings;
using LiveDigits.Pipeline.Scoring;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace LiveDigits.App.Commands;

/// <summary>
/// <c>livedigits score</c>: scores a reader's JSON Lines against a clip's truth, or runs LiveDigits (and,
/// with <c>--baselines</c>, the tutorial's normalisation and the classic HOG + SVM) on a clip and scores
/// them side by side. The last line holds every figure, for comparing runs.
/// </summary>
public static class ScoreCommand
{
    private const string TutorialMethod = "tutorial";
    private const string HogSvmMethod = "hog-svm";
    private const string LiveDigitsMethod = "livedigits";

    /// <summary>Declares the command.</summary>
    /// <returns>The command with its arguments, options and action.</returns>
    public static Command Create()
    {
        var truth = new Argument<string?>("TRUTH")
        {
            Description = "A clip's truth.json.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Argument<string?>("OUTPUT")
        {
            Description = "The reader's JSON Lines for that clip (--jsonl).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        CommonOptions.RefuseUnknownOptions(truth);
        CommonOptions.RefuseUnknownOptions(output);
        var clip = CommonOptions.PathOption(
            "--clip", "Run the reader on this clip folder (from make-clip) and score it.", "DIR");
        var baselines = new Option<bool>("--baselines")
        {
            Description = "With --clip: also run the tutorial normalisation and the HOG + SVM baseline.",
        };
        var model = CommonOptions.Model(
            "The network for LiveDigits and the tutorial baseline; default: models/livedigits.onnx.");
        var saveTo = CommonOptions.PathOption(
            "--save-jsonl", "With --clip: write each method's JSON Lines into this folder.", "DIR");

        var command = new Command("score", "Score readings against a generated clip's ground truth.")
        {
            truth, output, clip, baselines, model, saveTo,
        };
        command.SetAction((parsed, cancel) => UserErrors.RunAsync(() => Task.FromResult(
            ScoreInputs.CheckMode(
                parsed.GetValue(clip),
                parsed.GetValue(truth),
                parsed.GetValue(output),
                parsed.GetValue(baselines),
                parsed.GetValue(saveTo))
            && parsed.GetValue(clip) is { } folder
                ? RunOnClip(
                    folder,
                    parsed.GetValue(baselines),
                    parsed.GetValue(model),
                    parsed.GetValue(saveTo),
                    parsed.GetValue(CommonOptions.LogLevel),
                    cancel)
                : ScoreFiles(parsed.GetValue(truth), parsed.GetValue(output)))));
        return command;
    }

    private static int ScoreFiles(string? truthPath, string? outputPath)
    {
        if (truthPath is null || outputPath is null)
        {
            throw new UsageException("score: give TRUTH.json and OUTPUT.jsonl, or --clip DIR");
        }

        var truth = ClipTruthFile.Read(truthPath);
        if (!File.Exists(outputPath))
        {
            throw new FileNotFoundException($"{outputPath}: no such JSON Lines file", outputPath);
        }

        var lines = ReadingsJsonl.ReadFile(outputPath);
        ScoreInputs.CheckSameClip(truth, truthPath, lines, outputPath);
        var score = ClipScorer.Score(truth, lines);
        PrintDetails(score);
        Console.WriteLine(score.SummaryLine());

        // Zeros from an empty or cut-short file look like a reader that found nothing; say which it is.
        var covered = lines.Select(l => l.Frame).Distinct().Count();
        if (covered < truth.FrameCount)
        {
            Console.Error.WriteLine(
                $"livedigits: warning: {outputPath} has readings for {covered} of the clip's {truth.FrameCount} " +
                "frames; frames without a line count as read with nothing found");
        }

        return ExitCodes.Success;
    }

    private static int RunOnClip(
        string folder, bool withBaselines, string? model, string? saveTo, LogLevel level, CancellationToken cancel)
    {
        using var logging = AppLogging.Create(level);
        var files = ClipFiles.InFolder(folder);
        var truth = ClipTruthFile.Read(files.Truth);

        // Before the baseline is trained and the reader runs, so that a bad folder fails at once.
        var names = MethodNames(withBaselines);
        if (saveTo is not null)
        {
            OutputFolder.Require("--save-jsonl", saveTo, names.Select(name => name + ".jsonl"));
        }

        var methods = new List<(string Name, ClipScore Score, double Fps)>();
        var stopped = false;
        using var hogSvm = withBaselines
            ? HogSvmClassifier.LoadOrTrain(logger: logging.CreateLogger(nameof(HogSvmClassifier)))
            : null;

        foreach (var (name, options) in Methods(model, hogSvm))
        {
            using var reader = new DigitReader(options, logging);
            var run = ClipReaderRun.Run(files.Video, reader, cancel: cancel);
            if (saveTo is not null && !stopped && Save(run, saveTo, name) is { } failure)
            {
                // The disk is full: the methods still to run are scored, and their files not begun.
                stopped = true;
                var unsaved = names.SkipWhile(n => n != name).Skip(1).ToList();
                ReadingHost.ReportStopped(unsaved.Count == 0 ? failure
                    : $"{failure}; the JSON Lines of {string.Join(" and ", unsaved)} are not saved");
            }

            methods.Add((name, ClipScorer.Score(truth, run.Readings), run.FramesPerSecond));
        }

        if (hogSvm?.MnistTestAccuracy is { } accuracy)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"HOG + SVM accuracy on the MNIST test set: {accuracy:0.0000}"));
        }

        PrintTable(files, truth, methods);
        foreach (var (name, score, fps) in methods)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"{score.SummaryLine()} fps={fps:0.0} method={name}"));
        }

        return stopped ? ExitCodes.OutputIncomplete : ExitCodes.Success;
    }

    private static string[] MethodNames(bool withBaselines) =>
        withBaselines ? [TutorialMethod, HogSvmMethod, LiveDigitsMethod] : [LiveDigitsMethod];

    private static IEnumerable<(string Name, DigitReaderOptions Options)> Methods(
        string? model, HogSvmClassifier? hogSvm)
    {
        if (hogSvm is not null)
        {
            yield return (TutorialMethod, new DigitReaderOptions
            {
                ModelPath = model,
                Normaliser = new TutorialNormaliser(),
            });
            yield return (HogSvmMethod, new DigitReaderOptions { Classifier = hogSvm });
        }

        yield return (LiveDigitsMethod, new DigitReaderOptions { ModelPath = model });
    }

    /// <summary>Writes a method's JSON Lines as a reading run does, so a full disk leaves whole lines.</summary>
    /// <returns>Why writing stopped early, or null when every line was written.</returns>
    private static string? Save(ClipReaderRunResult run, string folder, string name)
    {
        using var writer = new ReadingsJsonlWriter(Path.Combine(folder, name + ".jsonl"));
        foreach (var readings in run.Readings)
        {
            if (!writer.Write(readings))
            {
                return writer.Failure ?? writer.Path;
            }
        }

        return null;
    }

    private static void PrintDetails(ClipScore score)
    {
        var table = new Table()
            .Border(TableBorder.Simple)
            .AddColumn("measure")
            .AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), value);
        var c = CultureInfo.InvariantCulture;
        Row("digit F1 (found and read right)", score.F1.ToString("0.0000", c));
        Row("detection recall", score.Recall.ToString("0.0000", c));
        Row("detection precision", score.Precision.ToString("0.0000", c));
        Row("reading accuracy of found digits", score.ReadingAccuracy.ToString("0.0000", c));
        Row("number accuracy", score.NumberAccuracy.ToString("0.0000", c));
        Row("false digits per frame", score.FalseDigitsPerFrame.ToString("0.000", c));
        Row("required digits / reported / found / right", string.Create(
            c, $"{score.TruthDigits} / {score.PredictedDigits} / {score.DetectedDigits} / {score.CorrectDigits}"));
        Row("required numbers / right", string.Create(c, $"{score.TruthNumbers} / {score.CorrectNumbers}"));
        Row("frames / without output / lines outside clip", string.Create(
            c, $"{score.Frames} / {score.FramesWithoutOutput} / {score.OutputLinesOutsideClip}"));
        AnsiConsole.Console.Write(table);
    }

    /// <summary>Prints a Markdown table, so that it can be pasted into docs/ACCURACY.md as it is.</summary>
    private static void PrintTable(
        ClipFiles files, ClipTruth truth, List<(string Name, ClipScore Score, double Fps)> methods)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine($"{files.Video}: {truth.Style}, seed {truth.Seed}, {truth.FrameCount} frames");
        Console.WriteLine();
        Console.WriteLine("| method | digit F1 | recall | precision | reading | numbers | false/frame | fps |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, score, fps) in methods)
        {
            Console.WriteLine(string.Create(
                c,
                $"| {name} | {score.F1:0.000} | {score.Recall:0.000} | {score.Precision:0.000} | " +
                $"{score.ReadingAccuracy:0.000} | {score.NumberAccuracy:0.000} | " +
                $"{score.FalseDigitsPerFrame:0.00} | {fps:0.0} |"));
        }

        Console.WriteLine();
    }
}
