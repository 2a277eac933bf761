using System.CommandLine;
using LiveDigits.App.Hosting;
using LiveDigits.Capture;
using LiveDigits.Overlay;
using LiveDigits.Overlay.Pad;
using LiveDigits.Pipeline.Classification;
using Microsoft.Extensions.Logging;

namespace LiveDigits.App.Commands;

/// <summary>
/// <c>livedigits pad</c>: a window to write digits in with the mouse; space prints what they read as, one
/// line per reading on standard output (<c>7 (98.6%)</c>, <c>42 (97.0%)</c>, <c>empty</c>,
/// <c>not a digit (...)</c>).
/// </summary>
public static class PadCommand
{
    /// <summary>Declares the command.</summary>
    /// <returns>The command with its options and action.</returns>
    public static Command Create()
    {
        var model = CommonOptions.Model("Model that reads the digits; default: models/livedigits.onnx.");
        var stroke = new Option<int>("--stroke")
        {
            Description = "Pen width in pixels on the 400x400 pad.",
            HelpName = "N",
            DefaultValueFactory = _ => PadCanvas.DefaultStrokeWidth,
        };
        stroke.Validators.Add(result =>
        {
            if (CommonOptions.HasNumberValue<int>(result) && result.GetValueOrDefault<int>() is < 1 or > 200)
            {
                result.AddError("--stroke must be a width from 1 to 200 pixels");
            }
        });

        var command = new Command("pad", "Write digits with the mouse; space reads them, c clears, Esc or q quits.")
        {
            model,
            stroke,
        };
        command.SetAction((parsed, ct) => UserErrors.RunAsync(() => Task.FromResult(Run(
            parsed.GetValue(model), parsed.GetValue(stroke), parsed.GetValue(CommonOptions.LogLevel), ct))));
        return command;
    }

    private static int Run(string? modelPath, int strokeWidth, LogLevel level, CancellationToken cancellation)
    {
        // First, so that a machine without a display fails at once, before the model loads.
        DisplayCheck.EnsureAvailable("the pad");

        using var logging = AppLogging.Create(level);
        using var classifier = DigitClassifier.Load(
            modelPath ?? ProjectPaths.DefaultModel,
            logging.CreateLogger<DigitClassifier>());
        var reader = new PadReader(classifier, strokeWidth);
        var logger = logging.CreateLogger(nameof(PadMode));
        PadMode.Run(reader, fromCamera: false, Console.Out, logger, cancellation);

        // Ctrl+C ends the pad like q, but the exit code should say it was interrupted.
        cancellation.ThrowIfCancellationRequested();
        return ExitCodes.Success;
    }
}
