using System.CommandLine;
using LiveDigits.App.Hosting;
using LiveDigits.Capture.Sources;
using Microsoft.Extensions.Logging;

namespace LiveDigits.App.Commands;

/// <summary>
/// <c>livedigits image FILE...</c>: reads image files, or every image in a folder in natural name order;
/// each JSON line names its image and <c>frame</c> is the image's position.
/// </summary>
public static class ImageCommand
{
    /// <summary>Declares the command.</summary>
    /// <returns>The command with its options and action.</returns>
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Image files or folders of images.",
            Arity = ArgumentArity.OneOrMore,
        };
        CommonOptions.RefuseUnknownOptions(files);
        var options = new ReadingOptions();
        var command = new Command("image", "Read the digits and numbers in image files or folders.") { files };
        options.AddTo(command);
        command.SetAction((parsed, cancellation) => UserErrors.RunAsync(async () =>
        {
            using var logging = AppLogging.Create(parsed.GetValue(CommonOptions.LogLevel));
            var source = ImageFilesSource.FromPaths(
                parsed.GetValue(files)!, logger: logging.CreateLogger<ImageFilesSource>());
            var settings = options.Settings(parsed, source.Files);
            source.Validate();

            // Unrelated pictures: no tracking across them, and a slow recording so each can be seen, as large
            // as the largest picture so that none is shrunk to fit the first one's size.
            settings = settings with
            {
                IsStream = false,
                RecordFps = 1,
                RecordFrameSize = settings.RecordPath is null ? null : source.LargestFrameSize(),
                ExpectedFrames = source.Files.Count,
                ShowProgress = source.Files.Count > 1,
            };
            var code = await ReadingHost.RunAsync(source, settings, logging, cancellation).ConfigureAwait(false);
            return code == ExitCodes.Success && source.Skipped.Count > 0
                ? await ReportSkippedAsync(source).ConfigureAwait(false)
                : code;
        }));
        return command;
    }

    // Each skipped image was named in a warning when it was met; the last line says the run was not whole, and
    // the exit code lets a script know.
    private static async Task<int> ReportSkippedAsync(ImageFilesSource source)
    {
        var skipped = source.Skipped;
        var names = string.Join(", ", skipped.Take(3)) + (skipped.Count > 3 ? ", ..." : "");
        await Console.Error.WriteLineAsync(
            $"{UserErrors.Prefix}{skipped.Count} of {source.Files.Count} images could not be decoded and were " +
            $"skipped ({names}); the others were read").ConfigureAwait(false);
        return ExitCodes.InputError;
    }
}
