using System.CommandLine;
using System.Globalization;
using LiveDigits.App.Hosting;
using LiveDigits.Capture;
using LiveDigits.Capture.Mnist;
using LiveDigits.Pipeline.Classification;
using LiveDigits.Pipeline.Evaluation;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace LiveDigits.App.Commands;

/// <summary>
/// <c>livedigits eval</c>: classifies the MNIST test set with one model, or with every shipped model,
/// and prints accuracy, per-digit accuracy, the confusion matrix and speed. The last line is
/// <c>accuracy &lt;fraction&gt;</c> (of the default model when several are measured).
/// </summary>
public static class EvalCommand
{
    /// <summary>Declares the command.</summary>
    /// <returns>The command with its options and action.</returns>
    public static Command Create()
    {
        var model = CommonOptions.Model("Model to measure; default: every model shipped in models/, the default last.");
        var limit = new Option<int?>("--limit")
        {
            Description = "Classify only the first N test images.",
            HelpName = "N",
        };
        limit.Validators.Add(result =>
        {
            if (CommonOptions.HasNumberValue<int>(result) && result.GetValueOrDefault<int?>() is <= 0 and var value)
            {
                result.AddError($"--limit must be a positive number of images, not {value}");
            }
        });
        var command = new Command("eval", "Measure a model on the 10,000 MNIST test images (fetched once with npm).")
        {
            model,
            limit,
        };
        command.SetAction((parsed, _) => UserErrors.RunAsync(() => Task.FromResult(Run(
            parsed.GetValue(model), parsed.GetValue(limit), parsed.GetValue(CommonOptions.LogLevel)))));
        return command;
    }

    private static int Run(string? modelPath, int? limit, LogLevel level)
    {
        if (limit is <= 0)
        {
            throw new UsageException($"--limit must be a positive number of images, not {limit}");
        }

        using var logging = AppLogging.Create(level);
        var models = modelPath is null ? ShippedModels() : [modelPath];
        MnistSet? testSet = null;
        foreach (var path in models)
        {
            // Load the model before fetching MNIST, so that a wrong --model fails at once.
            using var classifier = DigitClassifier.Load(path, logging.CreateLogger<DigitClassifier>());
            testSet ??= MnistDataset.LoadTest(logger: logging.CreateLogger(nameof(MnistDataset)));
            var result = MnistEvaluation.Run(classifier, testSet, limit);
            Print(classifier, result);
        }

        return ExitCodes.Success;
    }

    private static string[] ShippedModels()
    {
        var folder = ProjectPaths.Models;
        var models = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder)
                .Where(f => f.EndsWith(".onnx", StringComparison.Ordinal)
                    || f.EndsWith(".pb", StringComparison.Ordinal))
                .OrderBy(f => f == ProjectPaths.DefaultModel)
                .ThenBy(f => f, StringComparer.Ordinal)
                .ToArray()
            : [];
        if (models.Length == 0)
        {
            throw new FileNotFoundException($"{folder}: no .onnx or .pb models found; pass --model FILE");
        }

        return models;
    }

    private static void Print(DigitClassifier classifier, MnistEvaluationResult result)
    {
        var culture = CultureInfo.InvariantCulture;
        // Plain lines go straight to stdout: Spectre wraps at 80 columns when stdout is not a terminal,
        // which would split the model line (and any long path) for scripts reading the output.
        var console = Console.Out;
        console.WriteLine();
        console.WriteLine(string.Create(culture,
            $"model {classifier.ModelPath} ({classifier.ClassCount} classes, " +
            $"{(classifier.SupportsBatch ? "batched" : "one image per pass")}), {result.Count} test images"));

        var table = new Table().Border(TableBorder.Simple).Title("confusion (rows: true digit, columns: read as)");
        table.AddColumn("true");
        for (var d = 0; d < 10; d++)
        {
            table.AddColumn(new TableColumn(d.ToString(culture)).RightAligned());
        }

        table.AddColumn(new TableColumn("accuracy").RightAligned());
        for (var truth = 0; truth < 10; truth++)
        {
            var cells = new List<string> { truth.ToString(culture) };
            cells.AddRange(Enumerable.Range(0, 10).Select(p => result.Confusion(truth, p).ToString(culture)));
            cells.Add(result.DigitAccuracy(truth).ToString("0.0000", culture));
            table.AddRow(cells.ToArray());
        }

        AnsiConsole.Console.Write(table);
        if (classifier.HasNotDigitClass)
        {
            console.WriteLine(string.Create(culture, $"rejected as not a digit {result.RejectedAsNotDigit}"));
        }

        console.WriteLine(string.Create(culture, $"digits per second {result.DigitsPerSecond:0}"));
        console.WriteLine(string.Create(culture, $"accuracy {result.Accuracy:0.0000}"));
    }
}
