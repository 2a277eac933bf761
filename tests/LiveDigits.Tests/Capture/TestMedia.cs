using LiveDigits.Capture.Clips;
using OpenCvSharp;

namespace LiveDigits.Tests.Capture;

/// <summary>Writes small videos and images for capture tests, so that no media needs committing.</summary>
internal static class TestMedia
{
    public static readonly Size DefaultSize = new(160, 120);

    /// <summary>A frame whose colour and big printed number tell it from every other frame.</summary>
    public static Mat NumberedFrame(int number, Size size)
    {
        var colour = new Scalar(40 + (number * 37 % 180), 200, 255 - (number * 23 % 200));
        var image = new Mat(size, MatType.CV_8UC3, colour);
        Cv2.PutText(image, number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new Point(10, size.Height - 20), HersheyFonts.HersheySimplex, 2, Scalar.Black, 4);
        return image;
    }

    /// <summary>Writes an MJPG AVI (or mp4v MP4, by extension) of numbered frames.</summary>
    public static string WriteVideo(string path, int frames, Size? size = null, double fps = 25)
    {
        var frameSize = size ?? DefaultSize;
        var fourcc = path.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase) ? "mp4v" : "MJPG";
        using var writer = new VideoWriter(path, FourCC.FromString(fourcc), fps, frameSize);
        if (!writer.IsOpened())
        {
            throw new InvalidOperationException($"cannot write test video {path}");
        }

        for (var i = 0; i < frames; i++)
        {
            using var frame = NumberedFrame(i, frameSize);
            writer.Write(frame);
        }

        return path;
    }

    /// <summary>
    /// Writes a clip of a real handwriting photo (tests/data/real/sheet_a.png) drifting a few pixels per
    /// frame, as a hand-held camera sees it.
    /// </summary>
    public static string WriteSheetVideo(string path, int frames, double fps = 10)
    {
        using var sheet = Cv2.ImRead(Path.Combine(TestData.Folder, "real", "sheet_a.png"));
        var size = new Size(sheet.Width & ~1, sheet.Height & ~1);
        using var writer = new VideoWriter(path, FourCC.MJPG, fps, size);
        for (var i = 0; i < frames; i++)
        {
            using var shift = new Mat(2, 3, MatType.CV_64FC1, Scalar.All(0)); // a new Mat is not zeroed
            shift.Set(0, 0, 1.0);
            shift.Set(0, 2, (double)(i % 7));
            shift.Set(1, 1, 1.0);
            shift.Set(1, 2, (double)(i % 5));
            using var moved = new Mat();
            Cv2.WarpAffine(sheet, moved, shift, size, borderMode: BorderTypes.Replicate);
            writer.Write(moved);
        }

        return path;
    }

    /// <summary>
    /// Writes a clip folder <c>score --clip</c> takes: <see cref="WriteSheetVideo"/> as clip.avi and a truth.json
    /// of the same size, rate and length with no digits in it.
    /// </summary>
    public static string WriteSheetClip(string folder, int frames, double fps = 10)
    {
        Directory.CreateDirectory(folder);
        var video = WriteSheetVideo(Path.Combine(folder, ClipFiles.DefaultVideoFileName), frames, fps);
        using var capture = new VideoCapture(video);
        var truth = new ClipTruth(
            ClipTruth.CurrentVersion, "plain", 1, capture.FrameWidth, capture.FrameHeight, fps, frames,
            ClipFiles.DefaultVideoFileName, [], [],
            [.. Enumerable.Range(0, frames).Select(i => new ClipFrameTruth(i, i * 1000.0 / fps, [], []))]);
        ClipTruthFile.Write(truth, Path.Combine(folder, ClipFiles.TruthFileName));
        return folder;
    }

    /// <summary>Writes a solid-colour video: every frame identical.</summary>
    public static string WriteStillVideo(string path, int frames, Scalar colour, double fps = 25)
    {
        using var writer = new VideoWriter(path, FourCC.MJPG, fps, DefaultSize);
        using var frame = new Mat(DefaultSize, MatType.CV_8UC3, colour);
        for (var i = 0; i < frames; i++)
        {
            writer.Write(frame);
        }

        return path;
    }

    /// <summary>Writes numbered PNGs named <c>{prefix}{i}.png</c> into a folder.</summary>
    public static IReadOnlyList<string> WriteImages(string folder, int count, string prefix = "img")
    {
        var files = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var file = Path.Combine(folder, $"{prefix}{i}.png");
            using var image = NumberedFrame(i, DefaultSize);
            Cv2.ImWrite(file, image);
            files.Add(file);
        }

        return files;
    }
}
