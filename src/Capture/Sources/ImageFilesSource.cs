using System.Buffers.Binary;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace LiveDigits.Capture.Sources;

/// <summary>
/// Image files as frames, one frame per image, in the order given; a folder contributes its images in
/// natural name order (<c>img2</c> before <c>img10</c>). Every image is normalised to 8-bit BGR and huge
/// ones are shrunk (see <see cref="Frame.SourceScale"/>). An image that cannot be decoded is skipped with a
/// warning and listed in <see cref="Skipped"/>; the others are still read.
/// </summary>
public sealed class ImageFilesSource : IFrameSource
{
    private static readonly string[] s_extensions =
    [
        ".png", ".jpg", ".jpeg", ".jpe", ".bmp", ".dib", ".tif", ".tiff", ".webp", ".pgm", ".ppm", ".pbm",
        ".pnm", ".pxm", ".sr", ".ras", ".jp2", ".exr", ".hdr", ".pic", ".avif",
    ];

    private static readonly byte[] s_pngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly FramePump _pump;
    private readonly int _maxSide;
    private readonly ILogger _logger;
    private readonly ConcurrentQueue<string> _skipped = new();

    /// <summary>Creates the source; nothing is read until subscription.</summary>
    /// <param name="files">The images, in the order they become frames.</param>
    /// <param name="maxSide">The longest side of a frame; larger images are shrunk to it.</param>
    /// <param name="logger">Receives a warning for each image that cannot be decoded.</param>
    public ImageFilesSource(
        IReadOnlyList<string> files, int maxSide = ImageNormaliser.DefaultMaxSide, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 1);
        Files = [.. files];
        _maxSide = maxSide;
        _logger = logger ?? NullLogger.Instance;
        _pump = new FramePump(Name, () => new ImageCursor(this));
    }

    /// <summary>Gets the image files, in frame order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <inheritdoc/>
    public string Name => Files.Count == 1 ? Files[0] : $"{Files.Count} images";

    /// <inheritdoc/>
    public bool IsLive => false;

    /// <summary>
    /// Gets the images skipped so far because they could not be decoded (damaged, cut short, too large), in
    /// the order met; their positions are left out of the frame indexes.
    /// </summary>
    public IReadOnlyCollection<string> Skipped => _skipped;

    /// <summary>Gets how many subscriptions are reading the images right now.</summary>
    public int OpenCount => _pump.OpenCount;

    /// <summary>
    /// Expands command-line arguments: a file stands for itself, a folder for the images directly in it in
    /// natural name order.
    /// </summary>
    /// <param name="paths">Files and folders.</param>
    /// <param name="maxSide">The longest side of a frame.</param>
    /// <param name="logger">Receives a warning for each image that cannot be decoded.</param>
    /// <returns>The source over every image found.</returns>
    /// <exception cref="FrameSourceException">A path does not exist, or a folder holds no image.</exception>
    public static ImageFilesSource FromPaths(
        IEnumerable<string> paths, int maxSide = ImageNormaliser.DefaultMaxSide, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(ImagesIn(path));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FrameSourceException($"{path}: no such image file or folder");
            }
        }

        if (files.Count == 0)
        {
            throw new FrameSourceException("no image files given");
        }

        return new ImageFilesSource(files, maxSide, logger);
    }

    /// <inheritdoc/>
    public IObservable<Frame> Frames() => _pump.Frames();

    /// <summary>Checks, from each file's first bytes, that every file is an image OpenCV can decode.</summary>
    /// <exception cref="FrameSourceException">A file is missing, empty, or not an image; names the file.</exception>
    public void Validate()
    {
        foreach (var file in Files)
        {
            var info = new FileInfo(file);
            if (!info.Exists)
            {
                throw new FrameSourceException($"{file}: image file not found");
            }

            if (info.Length == 0)
            {
                throw new FrameSourceException($"{file}: the image file is empty");
            }

            if (!Cv2.HaveImageReader(file))
            {
                throw new FrameSourceException(IsVideo(file)
                    ? $"{file}: is a video, not an image (use 'livedigits video')"
                    : $"{file}: not an image OpenCV can read");
            }
        }
    }

    /// <summary>
    /// Gets the largest frame the images will give (width and height each the largest found, after shrinking
    /// to the longest side allowed), so that a recording of images of mixed sizes can hold every one of them
    /// without shrinking it. Each image is decoded once for this.
    /// </summary>
    /// <returns>The size; images that cannot be decoded are left out (the run skips them too).</returns>
    public Size LargestFrameSize()
    {
        var largest = new Size(1, 1);
        foreach (var file in Files)
        {
            Mat decoded;
            try
            {
                decoded = Decode(file);
            }
            catch (FrameSourceException)
            {
                continue;
            }

            using var image = decoded;
            var size = ImageNormaliser.FittedSize(image.Size(), _maxSide);
            largest = new Size(Math.Max(largest.Width, size.Width), Math.Max(largest.Height, size.Height));
        }

        return largest;
    }

    /// <summary>Decodes an image as stored, but upright when it is a photo that says how it was held.</summary>
    /// <exception cref="FrameSourceException">The image cannot be decoded; the message names the file.</exception>
    /// <remarks>
    /// IMREAD_UNCHANGED keeps 16-bit samples and transparency, but it is also the one mode in which OpenCV
    /// ignores a photo's EXIF orientation, so a phone photo taken upright read sideways. A JPEG has neither, so
    /// it is read keeping its grey or colour and depth, turned upright. Other formats are read unchanged: a PNG
    /// or WebP carrying an EXIF orientation (rare) is read as stored.
    /// </remarks>
    private static Mat Decode(string file)
    {
        // libpng prints "libpng error: Read Error" on standard error itself for a PNG cut short, whatever
        // OpenCV's log level; such a file is told apart before it gets there.
        if (IsPngCutShort(file))
        {
            throw new FrameSourceException($"{file}: the image cannot be decoded (the PNG file is cut short)");
        }

        var mode = IsJpeg(file) ? ImreadModes.AnyColor | ImreadModes.AnyDepth : ImreadModes.Unchanged;
        var decoded = Cv2.ImRead(file, mode);
        if (decoded.Empty())
        {
            decoded.Dispose();

            // OpenCV refuses an image over its pixel limit as it refuses a damaged one, saying why only in its
            // own log ("pixels <= CV_IO_MAX_IMAGE_PIXELS"); a PNG's header tells the size.
            throw new FrameSourceException(PngSize(file) is var (width, height) && width * height > MaxImagePixels
                ? $"{file}: too large: {width}x{height}, over OpenCV's limit of {MaxImagePixels} pixels " +
                    "(OPENCV_IO_MAX_IMAGE_PIXELS raises it)"
                : $"{file}: the image cannot be decoded (damaged or unsupported)");
        }

        return decoded;
    }

    // OpenCV's default CV_IO_MAX_IMAGE_PIXELS, unless the variable sets another.
    private static long MaxImagePixels =>
        long.TryParse(Environment.GetEnvironmentVariable("OPENCV_IO_MAX_IMAGE_PIXELS"), out var limit) ? limit
            : 1L << 30;

    /// <summary>The size in a PNG's header; null for other formats, whose headers are not read here.</summary>
    private static (long Width, long Height)? PngSize(string file)
    {
        Span<byte> start = stackalloc byte[24];
        try
        {
            using var stream = File.OpenRead(file);
            if (stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) < start.Length
                || !start[..8].SequenceEqual(s_pngSignature))
            {
                return null;
            }

            return (
                BinaryPrimitives.ReadUInt32BigEndian(start[16..]),
                BinaryPrimitives.ReadUInt32BigEndian(start[20..]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Walks a PNG's chunks: true when the file ends before its IEND chunk.</summary>
    private static bool IsPngCutShort(string file)
    {
        Span<byte> header = stackalloc byte[8];
        try
        {
            using var stream = File.OpenRead(file);
            if (stream.ReadAtLeast(header, 8, throwOnEndOfStream: false) < 8 || !header.SequenceEqual(s_pngSignature))
            {
                return false;
            }

            while (stream.ReadAtLeast(header, 8, throwOnEndOfStream: false) == 8)
            {
                if (header[4..].SequenceEqual("IEND"u8))
                {
                    return false;
                }

                // The chunk's data, then its CRC.
                stream.Seek(BinaryPrimitives.ReadUInt32BigEndian(header) + 4L, SeekOrigin.Current);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsJpeg(string file)
    {
        Span<byte> start = stackalloc byte[3];
        try
        {
            using var stream = File.OpenRead(file);
            return stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) == start.Length
                && start is [0xFF, 0xD8, 0xFF];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // ImRead then fails too, and says so with the file's name.
            return false;
        }
    }

    // Only on the way to an error, so opening the file once more costs nothing that matters. A frame must
    // decode too: FFmpeg's image-sequence reader "opens" any file named .png, text included.
    private static bool IsVideo(string file)
    {
        using var capture = new VideoCapture(file, VideoCaptureAPIs.FFMPEG);
        using var frame = new Mat();
        return capture.IsOpened() && capture.Read(frame) && !frame.Empty();
    }

    private static List<string> ImagesIn(string folder)
    {
        var images = Directory.EnumerateFiles(folder)
            .Where(f => s_extensions.Contains(System.IO.Path.GetExtension(f).ToLowerInvariant()))
            .OrderBy(System.IO.Path.GetFileName, NaturalOrder.Instance)
            .ToList();
        if (images.Count == 0)
        {
            throw new FrameSourceException($"{folder}: no images in this folder ({string.Join(' ', s_extensions)})");
        }

        return images;
    }

    private sealed class ImageCursor : IFrameCursor
    {
        private readonly ImageFilesSource _source;
        private int _position;

        public ImageCursor(ImageFilesSource source)
        {
            source.Validate();
            _source = source;
        }

        public Frame? Next(CancellationToken cancellation)
        {
            while (_position < _source.Files.Count)
            {
                var file = _source.Files[_position];
                try
                {
                    return Read(file);
                }
                catch (FrameSourceException e)
                {
                    // One bad picture in a folder of hundreds stopped the run before the rest were read; it is
                    // named and skipped, and the command fails at the end instead.
                    _position++;
                    _source._skipped.Enqueue(file);
                    Log.ImageSkipped(_source._logger, e.Message);
                }
            }

            return null;
        }

        public void Dispose()
        {
            // Images are read whole, one at a time; nothing stays open between frames.
        }

        private Frame Read(string file)
        {
            using var decoded = Decode(file);
            Mat image;
            double scale;
            try
            {
                image = ImageNormaliser.ToBgr8(decoded, _source._maxSide, out scale);
            }
            catch (NotSupportedException e)
            {
                throw new FrameSourceException($"{file}: {e.Message}", e);
            }

            return new Frame(_position++, TimeSpan.Zero, image, file, scale);
        }
    }
}
