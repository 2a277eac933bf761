using System.CommandLine;
using LiveDigits.App.Hosting;
using Microsoft.Extensions.Logging;
using LiveDigits.Capture.Sources;

namespace LiveDigits.App.Commands;

/// <summary><c>livedigits camera</c>: reads a camera live; the newest frame wins, stale ones are dropped.</summary>
public static class CameraCommand
{
    /// <summary>Declares the command.</summary>
    /// <returns>The command with its options and action.</returns>
    public static Command Create()
    {
        var index = Positive("--index", "Camera index (0 is the first camera; see 'livedigits cameras').", 0, "N");
        var width = Positive("--width", "Requested frame width in pixels.", null, "W");
        var height = Positive("--height", "Requested frame height in pixels.", null, "H");
        var fps = Positive("--fps", "Requested frames per second.", null, "F");
        var options = new ReadingOptions();
        var command = new Command("camera", "Read digits and numbers live from a camera.")
        {
            index,
            width,
            height,
            fps,
        };
        options.AddTo(command);
        command.SetAction((parsed, cancellation) => UserErrors.RunAsync(async () =>
        {
            using var logging = AppLogging.Create(parsed.GetValue(CommonOptions.LogLevel));
            var camera = new CameraOptions
            {
                Index = parsed.GetValue(index) ?? 0,
                Width = parsed.GetValue(width),
                Height = parsed.GetValue(height),
                Fps = parsed.GetValue(fps),
            };
            var settings = options.Settings(parsed, []) with { RecordFps = camera.Fps ?? 30 };
            var source = new CameraSource(camera, logging.CreateLogger<CameraSource>());
            source.Validate();
            return await ReadingHost.RunAsync(source, settings, logging, cancellation).ConfigureAwait(false);
        }));
        return command;
    }

    private static Option<int?> Positive(string name, string description, int? least, string helpName)
    {
        var option = new Option<int?>(name) { Description = description, HelpName = helpName };
        option.Validators.Add(result =>
        {
            if (CommonOptions.HasNumberValue<int>(result)
                && result.GetValueOrDefault<int?>() is { } value && value < (least ?? 1))
            {
                result.AddError($"{name} must be at least {least ?? 1}, not {value}");
            }
        });
        return option;
    }
}
