using System.CommandLine;
using LiveDigits.App.Hosting;
using LiveDigits.Capture.Sources;

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
            var source = ImageFilesSource.FromPaths(parsed.GetValue(files)!);
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
            return await ReadingHost.RunAsync(source, settings, logging, cancellation).ConfigureAwait(false);
        }));
        return command;
    }
}
