using System.CommandLine;
using System.Globalization;
using LiveDigits.App.Hosting;
using LiveDigits.Capture.Clips;
using LiveDigits.Capture.Mnist;
using LiveDigits.Overlay.Output;
using Microsoft.Extensions.Logging;
using OpenCvSharp;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace LiveDigits.App.Commands;

/// <summary>
/// <c>livedigits make-clip</c>: generates a camera-like clip of handwritten MNIST test digits on paper,
/// with its ground truth (see docs/CLIPS.md).
/// </summary>
public static class MakeClipCommand
{
    // How a full disk shows in IOException.HResult on Linux and macOS (ENOSPC).
    private const int DiskFullErrno = 28;

    /// <summary>Declares the command.</summary>
    /// <returns>The command with its options and action.</returns>
    public static Command Create()
    {
        var style = new Option<ClipStyle>("--style")
        {
            Description = "Paper and camera: plain, ruled, grid (moderate camera) or hard.",
            DefaultValueFactory = _ => ClipStyle.Plain,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seeds every random choice.",
            DefaultValueFactory = _ => 1,
        };
        var frames = new Option<int>("--frames")
        {
            Description = "Number of frames.",
            DefaultValueFactory = _ => 300,
            HelpName = "N",
        };
        var output = CommonOptions.PathOption("--out", "Output folder; receives the video and truth.json.", "DIR");
        output.Required = true;
        var size = new Option<string>("--size")
        {
            Description = "Frame size WxH.",
            DefaultValueFactory = _ => "1280x720",
        };
        var fps = new Option<double>("--fps") { Description = "Frames per second.", DefaultValueFactory = _ => 30 };
        var spacing = new Option<double>("--spacing")
        {
            Description = "Gaps between rows and numbers, times the usual (1-8); 2 puts about half the digits in view.",
            DefaultValueFactory = _ => 1,
        };
        var video = CommonOptions.PathOption(
            "--video", "Video file name inside DIR: .avi (MJPG) or .mp4 (mp4v).", "NAME");
        video.DefaultValueFactory = _ => ClipFiles.DefaultVideoFileName;
        video.Validators.Add(result =>
        {
            // A folder in the name put the video outside DIR (`../escape.avi`), next to a partial- file the
            // writer could not create, and away from the truth that names it.
            if (result.Tokens.Count > 0 && result.Tokens[^1].Value is var name
                && name.IndexOfAny(['/', Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]) >= 0)
            {
                result.AddError($"--video {name}: give a file name inside DIR, without a folder, such as clip.avi");
            }
        });

        var preview = new Option<int>("--preview")
        {
            Description = "Also save every Nth frame as a PNG with its truth drawn (green: required, grey: ignored).",
            HelpName = "N",
        };

        AddRangeChecks(frames, size, fps, spacing);
        var command = new Command("make-clip", "Generate a camera-like clip of handwritten digits with ground truth.")
        {
            style, seed, frames, output, size, fps, spacing, video, preview,
        };
        command.SetAction((parsed, cancellation) => UserErrors.RunAsync(() =>
        {
            var (width, height) = ParseSize(parsed.GetValue(size)!);
            var options = new ClipOptions(
                parsed.GetValue(style),
                parsed.GetValue(seed),
                parsed.GetValue(frames),
                width,
                height,
                parsed.GetValue(fps),
                parsed.GetValue(spacing));
            return Task.FromResult(Run(
                options,
                parsed.GetValue(output)!,
                parsed.GetValue(video)!,
                parsed.GetValue(preview),
                parsed.GetValue(CommonOptions.LogLevel),
                cancellation));
        }));
        return command;
    }

    /// <summary>Parses <c>WxH</c>, such as <c>1280x720</c>.</summary>
    /// <param name="text">The option's value.</param>
    /// <returns>Width and height.</returns>
    /// <exception cref="UsageException">The text is not two positive integers joined by x.</exception>
    internal static (int Width, int Height) ParseSize(string text) =>
        TryParseSize(text, out var width, out var height)
            ? (width, height)
            : throw new UsageException($"--size {text}: expected WIDTHxHEIGHT, such as 1280x720");

    private static bool TryParseSize(string text, out int width, out int height)
    {
        var parts = text.Split('x', 'X');
        height = 0;
        return int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out width)
            && parts.Length == 2
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out height);
    }

    // As parse errors, so each is one line with the help command, before MNIST is loaded; ClipOptions.Validate
    // says the same in .NET's words (ArgumentOutOfRangeException with its parameter name).
    private static void AddRangeChecks(
        Option<int> frames, Option<string> size, Option<double> fps, Option<double> spacing)
    {
        frames.Validators.Add(result =>
        {
            if (CommonOptions.HasNumberValue<int>(result)
                && result.GetValueOrDefault<int>() is var value and (< 1 or > ClipOptions.MaxFrameCount))
            {
                result.AddError(string.Create(
                    CultureInfo.InvariantCulture,
                    $"--frames must be from 1 to {ClipOptions.MaxFrameCount} (20 minutes at 30 fps), not {value}"));
            }
        });
        size.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>() ?? "";
            if (!TryParseSize(text, out var width, out var height))
            {
                result.AddError($"--size must be WIDTHxHEIGHT, such as 1280x720, not '{text}'");
            }
            else if (width is < ClipOptions.MinWidth or > ClipOptions.MaxWidth
                || height is < ClipOptions.MinHeight or > ClipOptions.MaxHeight)
            {
                result.AddError(
                    $"--size must be from {ClipOptions.MinWidth}x{ClipOptions.MinHeight} to " +
                    $"{ClipOptions.MaxWidth}x{ClipOptions.MaxHeight}, not {text}");
            }
            else if (width % 2 != 0 || height % 2 != 0)
            {
                // The video would come out a pixel smaller than its truth says (see ClipOptions.Validate).
                result.AddError(
                    $"--size must have an even width and height (the video codecs store 2x2 blocks), not {text}");
            }
        });
        fps.Validators.Add(result =>
        {
            if (CommonOptions.HasNumberValue<double>(result)
                && result.GetValueOrDefault<double>() is var value && !(value is > 0 and <= ClipOptions.MaxFps))
            {
                result.AddError(string.Create(
                    CultureInfo.InvariantCulture,
                    $"--fps must be above 0 and at most {ClipOptions.MaxFps}, not {value}"));
            }
        });
        spacing.Validators.Add(result =>
        {
            if (CommonOptions.HasNumberValue<double>(result)
                && result.GetValueOrDefault<double>() is var value && !(value is >= 1 and <= 8))
            {
                result.AddError(
                    string.Create(CultureInfo.InvariantCulture, $"--spacing must be from 1 to 8, not {value}"));
            }
        });
    }

    private static void SavePreview(Mat frame, ClipFrameTruth truth, string folder, int every)
    {
        if (truth.Frame % every != 0)
        {
            return;
        }

        using var picture = frame.Clone();
        foreach (var digit in truth.Digits)
        {
            var colour = digit.Ignore ? new Scalar(160, 160, 160) : new Scalar(0, 200, 0);
            picture.Rectangle(digit.Box, colour, 1);
            picture.PutText(
                digit.Digit.ToString(CultureInfo.InvariantCulture),
                new Point(digit.Box.X, digit.Box.Y - 2),
                HersheyFonts.HersheyPlain,
                1,
                colour);
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"preview-{truth.Frame:D4}.png");
        Cv2.ImWrite(Path.Combine(folder, name), picture);
    }

    private static int Run(
        ClipOptions options,
        string folder,
        string video,
        int previewEvery,
        LogLevel level,
        CancellationToken cancellation)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UsageException($"make-clip: {e.Message.ReplaceLineEndings(" ")}", e);
        }

        // Before MNIST is loaded, so that a bad folder fails at once.
        OutputFolder.Require("--out", folder, [video]);

        using var logging = AppLogging.Create(level);
        var logger = logging.CreateLogger(nameof(MakeClipCommand));
        var mnist = MnistDataset.LoadTest(logger: logger);
        Action<Mat, ClipFrameTruth>? preview = previewEvery > 0
            ? (frame, truth) => SavePreview(frame, truth, folder, previewEvery)
            : null;
        ClipFiles files;
        try
        {
            files = ClipWriter.Write(
                options, folder, mnist, video, logger, onFrame: preview, cancellation: cancellation);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("livedigits: interrupted; no clip was written (the partial video is removed)");
            return ExitCodes.Interrupted;
        }
        catch (IOException e)
        {
            // ClipWriter has removed what it wrote; .NET's text ("No space left on device : 'FILE'") names a file
            // that is gone.
            var reason = e.HResult == DiskFullErrno ? "the disk is full" : e.Message.Split(" : '")[0].TrimEnd('.');
            Console.Error.WriteLine(
                $"{UserErrors.Prefix}output stopped early: --out {folder}: {reason}; " +
                "no clip was written (the partial files are removed)");
            return ExitCodes.OutputIncomplete;
        }

        Console.WriteLine(files.Video);
        Console.WriteLine(files.Truth);
        return ExitCodes.Success;
    }
}
