using System.CommandLine;
using LiveDigits.App.Hosting;
using Microsoft.Extensions.Logging;
using LiveDigits.Capture.Sources;
using OpenCvSharp;

namespace LiveDigits.App.Commands;

/// <summary><c>livedigits video FILE</c>: reads every frame of a video file, in order.</summary>
public static class VideoCommand
{
    /// <summary>Declares the command.</summary>
    /// <returns>The command with its options and action.</returns>
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The video file (any format FFmpeg reads)." };
        CommonOptions.RefuseUnknownOptions(file);
        var options = new ReadingOptions();
        var command = new Command("video", "Read the digits and numbers in every frame of a video file.") { file };
        options.AddTo(command);
        command.SetAction((parsed, cancellation) => UserErrors.RunAsync(async () =>
        {
            using var logging = AppLogging.Create(parsed.GetValue(CommonOptions.LogLevel));
            var path = parsed.GetValue(file)!;
            var settings = options.Settings(parsed, [path]);
            var source = new VideoFileSource(path, logging.CreateLogger<VideoFileSource>());
            source.Validate();
            var (fps, frames) = Probe(path);
            settings = settings with
            {
                RecordFps = fps,
                ExpectedFrames = frames,
                ShowProgress = true,
            };
            return await ReadingHost.RunAsync(source, settings, logging, cancellation).ConfigureAwait(false);
        }));
        return command;
    }

    private static (double Fps, long? Frames) Probe(string path)
    {
        using var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        var fps = capture.IsOpened() ? capture.Fps : 0;
        var frames = capture.IsOpened() ? (long)capture.FrameCount : 0;
        return (double.IsFinite(fps) && fps is > 0 and < 1000 ? fps : 30, frames > 0 ? frames : null);
    }
}
