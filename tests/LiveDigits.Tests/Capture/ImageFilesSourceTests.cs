using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using LiveDigits.Capture;
using LiveDigits.Capture.Sources;
using OpenCvSharp;

namespace LiveDigits.Tests.Capture;

public sealed class ImageFilesSourceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void FromPaths_Folder_OrdersNamesNaturally()
    {
        foreach (var name in new[] { "img10.png", "img2.png", "img1.png", "notes.txt", "IMG3.PNG" })
        {
            using var image = TestMedia.NumberedFrame(1, TestMedia.DefaultSize);
            var bytes = name.EndsWith("txt", StringComparison.Ordinal) ? [1] : image.ToBytes(".png");
            File.WriteAllBytes(_folder.File(name), bytes);
        }

        var source = ImageFilesSource.FromPaths([_folder.Path]);

        Assert.Equal(["img1.png", "img2.png", "IMG3.PNG", "img10.png"], source.Files.Select(Path.GetFileName));
    }

    [Fact]
    public void FromPaths_MissingPath_FailsNamingIt()
    {
        var missing = _folder.File("nope.png");

        var error = Assert.Throws<FrameSourceException>(() => ImageFilesSource.FromPaths([missing]));

        Assert.Equal($"{missing}: no such image file or folder", error.Message);
    }

    [Fact]
    public void Validate_VideoGivenAsImage_SaysToUseTheVideoCommand()
    {
        var images = TestMedia.WriteImages(_folder.Path, 1);
        var video = TestMedia.WriteVideo(_folder.File("clip.avi"), 3);

        var error = Assert.Throws<FrameSourceException>(() => new ImageFilesSource([images[0], video]).Validate());

        Assert.Equal($"{video}: is a video, not an image (use 'livedigits video')", error.Message);
    }

    [Fact]
    public void Validate_TextFileAmongImages_FailsNamingIt()
    {
        var good = TestMedia.WriteImages(_folder.Path, 1)[0];
        var text = _folder.File("fake.png");
        File.WriteAllText(text, "not an image");
        var source = ImageFilesSource.FromPaths([good, text]);

        var error = Assert.Throws<FrameSourceException>(source.Validate);

        Assert.Equal($"{text}: not an image OpenCV can read", error.Message);
    }

    [Fact]
    public void Validate_EmptyFile_SaysItIsEmpty()
    {
        // As for an empty model or video; it said "not an image OpenCV can read".
        var empty = _folder.File("empty.png");
        File.WriteAllBytes(empty, []);

        var error = Assert.Throws<FrameSourceException>(ImageFilesSource.FromPaths([empty]).Validate);

        Assert.Equal($"{empty}: the image file is empty", error.Message);
    }

    [Theory]
    [InlineData("8UC1", 641, 480)]
    [InlineData("16UC1", 200, 100)]
    [InlineData("16UC3", 200, 100)]
    [InlineData("8UC4", 200, 100)]
    [InlineData("8UC3", 1, 1)]
    public async Task Frames_AnyCommonImageType_BecomeEightBitBgrAtSourceSize(string typeName, int width, int height)
    {
        var type = typeName switch
        {
            "8UC1" => MatType.CV_8UC1,
            "16UC1" => MatType.CV_16UC1,
            "16UC3" => MatType.CV_16UC3,
            "8UC4" => MatType.CV_8UC4,
            _ => MatType.CV_8UC3,
        };
        var path = _folder.File("odd.png");
        using (var image = new Mat(height, width, type, Scalar.All(type == MatType.CV_16UC1 ? 30000 : 120)))
        {
            Cv2.ImWrite(path, image);
        }

        var frame = await ImageFilesSource.FromPaths([path]).Frames().SingleAsync().ToTask();

        using (frame)
        {
            Assert.Equal(MatType.CV_8UC3, frame.Image.Type());
            Assert.Equal(new Size(width, height), frame.Image.Size());
            Assert.Equal(path, frame.SourcePath);
            Assert.Equal(1, frame.SourceScale);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Frames_JpegWithExifOrientation_ReadUpright(bool grey)
    {
        // A phone held upright stores the picture sideways and says so in EXIF (orientation 6: turn it a quarter
        // clockwise). The page was read sideways: 4 digits of 14.
        using var upright = new Mat(100, 200, grey ? MatType.CV_8UC1 : MatType.CV_8UC3, Scalar.All(255));
        upright[new Rect(0, 0, 60, 30)].SetTo(Scalar.All(0));
        using var stored = new Mat();
        Cv2.Rotate(upright, stored, RotateFlags.Rotate90Counterclockwise);
        var path = _folder.File("phone.jpg");
        await File.WriteAllBytesAsync(path, WithExifOrientation(stored.ToBytes(".jpg"), 6));

        var frame = await ImageFilesSource.FromPaths([path]).Frames().SingleAsync().ToTask();

        using (frame)
        {
            Assert.Equal(new Size(200, 100), frame.Image.Size());
            Assert.True(frame.Image.At<Vec3b>(10, 20).Item0 < 40, "the dark corner is top left");
            Assert.True(frame.Image.At<Vec3b>(90, 180).Item0 > 215, "the bottom right is white");
        }
    }

    [Fact]
    public void ToBgr8_SixteenBitGrey_ScalesToEightBit()
    {
        using var grey = new Mat(4, 4, MatType.CV_16UC1, Scalar.All(65535 / 2));

        using var bgr = ImageNormaliser.ToBgr8(grey, 100, out _);

        Assert.Equal(127.0, Cv2.Mean(bgr).Val1, 0);
    }

    [Fact]
    public void ToBgr8_TransparentBackground_LiesOnWhitePaper()
    {
        using var bgra = new Mat(4, 4, MatType.CV_8UC4, new Scalar(0, 0, 0, 0));
        bgra.Set(0, 0, new Vec4b(0, 0, 0, 255));

        using var bgr = ImageNormaliser.ToBgr8(bgra, 100, out _);

        Assert.Equal(new Vec3b(255, 255, 255), bgr.At<Vec3b>(3, 3));
        Assert.Equal(new Vec3b(0, 0, 0), bgr.At<Vec3b>(0, 0));
    }

    [Fact]
    public void ToBgr8_HugeSixteenBitBgra_ShrunkBeforeConvertingAndLaidOnWhite()
    {
        // Shrunk at its own depth first (converting at full size peaked at 1.8 GB for 8000x8000): the result
        // must still be the transparent page on white with its opaque ink dark, at the fitted size.
        using var bgra = new Mat(4000, 3000, MatType.CV_16UC4, new Scalar(0, 0, 0, 0));
        bgra[new Rect(1000, 1000, 400, 2000)].SetTo(new Scalar(0, 0, 0, 65535));

        using var bgr = ImageNormaliser.ToBgr8(bgra, 1000, out var scale);

        Assert.Equal(MatType.CV_8UC3, bgr.Type());
        Assert.Equal(new Size(750, 1000), bgr.Size());
        Assert.Equal(4.0, scale);
        Assert.Equal(new Vec3b(255, 255, 255), bgr.At<Vec3b>(100, 100));
        Assert.Equal(new Vec3b(0, 0, 0), bgr.At<Vec3b>(500, 300));
    }

    [Fact]
    public async Task Frames_HugeImage_ShrunkToMaxSideWithScaleToSourcePixels()
    {
        var path = _folder.File("huge.png");
        using (var image = new Mat(8000, 8000, MatType.CV_8UC1, Scalar.All(255)))
        {
            Cv2.ImWrite(path, image);
        }

        var frame = await ImageFilesSource.FromPaths([path]).Frames().SingleAsync().ToTask();

        using (frame)
        {
            Assert.Equal(new Size(1920, 1920), frame.Image.Size());
            Assert.Equal(8000 / 1920.0, frame.SourceScale, 6);
        }
    }

    [Fact]
    public async Task Frames_DamagedImageAmongOthers_SkippedWithAWarningAndTheRestRead()
    {
        // One image cut short stopped the whole run there; those after it were never read.
        var paths = TestMedia.WriteImages(_folder.Path, 3);
        var bytes = await File.ReadAllBytesAsync(paths[1]);
        await File.WriteAllBytesAsync(paths[1], bytes[..(bytes.Length / 2)]);
        var logger = new ListLogger();
        var source = ImageFilesSource.FromPaths([_folder.Path], logger: logger);

        var frames = await source.Frames().ToList().ToTask();

        Assert.Equal([0L, 2L], frames.Select(f => f.Index));
        Assert.Equal([paths[0], paths[2]], frames.Select(f => f.SourcePath));
        Assert.Equal([paths[1]], source.Skipped);
        var warning = Assert.Single(logger.Entries);
        Assert.Equal(
            $"{paths[1]}: the image cannot be decoded (the PNG file is cut short); skipped, reading the next image",
            warning.Message);
        foreach (var frame in frames)
        {
            frame.Dispose();
        }
    }

    [Fact]
    public async Task Frames_ImageOverOpenCvsPixelLimit_SkippedSayingItsSizeAndTheLimit()
    {
        // OpenCV said only, in its own log, "pixels <= CV_IO_MAX_IMAGE_PIXELS"; we said "damaged or unsupported".
        var path = _folder.File("huge.png");
        await File.WriteAllBytesAsync(path, PngHeaderOnly(40000, 30000));
        var logger = new ListLogger();
        var source = ImageFilesSource.FromPaths([path], logger: logger);

        var frames = await source.Frames().ToList().ToTask();

        Assert.Empty(frames);
        Assert.Equal([path], source.Skipped);
        Assert.StartsWith(
            $"{path}: too large: 40000x30000, over OpenCV's limit of 1073741824 pixels",
            Assert.Single(logger.Entries).Message,
            StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>A PNG that declares a grey image of the given size and holds no pixel data: IHDR, then IEND.</summary>
    private static byte[] PngHeaderOnly(int width, int height)
    {
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), deflate, no filter, no interlace
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        return [.. signature, .. Chunk("IHDR", header), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[12 + data.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typed.CopyTo(chunk, 4);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(typed));
        return chunk;
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>Puts an EXIF block holding only an orientation right after the JPEG's start marker.</summary>
    private static byte[] WithExifOrientation(byte[] jpeg, byte orientation)
    {
        byte[] exif =
        [
            0xFF, 0xE1, 0x00, 0x22, (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'I', (byte)'I', 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, // little-endian TIFF, first IFD at 8
            0x01, 0x00, // one entry
            0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, orientation, 0x00, 0x00, 0x00, // 0x0112, SHORT, 1
            0x00, 0x00, 0x00, 0x00, // no next IFD
        ];
        return [.. jpeg[..2], .. exif, .. jpeg[2..]];
    }
}
