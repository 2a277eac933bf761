using LiveDigits.Pipeline.Reader;
using OpenCvSharp;

namespace LiveDigits.Tests.Reader;

/// <summary>
/// 720p frames with no digits at all, read with the shipped model: texture and noise must stay within the
/// candidate cap (which is what keeps such a frame's cost bounded) and read next to nothing; a blank frame
/// must not even produce a candidate. Time is not asserted here; see the benchmarks.
/// </summary>
public sealed class HostileFrameTests
{
    // A crossing of random strokes can truly look like a 4; more than this many digits is a phantom problem.
    private const int MostDigitsInTexture = 2;

    [Theory]
    [InlineData(Texture.UniformNoise)]
    [InlineData(Texture.SparseDarkNoise)]
    [InlineData(Texture.PaperWithSensorNoise)]
    [InlineData(Texture.Scribbles)]
    [InlineData(Texture.Blobs)]
    [InlineData(Texture.Checkerboard)]
    [InlineData(Texture.Hatching)]
    public void Read_TextureOrNoise_AtMostTheCapOfCandidatesAndNextToNoDigits(Texture texture)
    {
        var options = new DigitReaderOptions { TrackAcrossFrames = false };
        using var reader = new DigitReader(options);
        using var frame = Draw(texture);

        using var analysis = reader.Read(frame, 0, TimeSpan.Zero);

        Assert.InRange(analysis.CandidateCount, 0, options.MaxCandidates);
        Assert.InRange(analysis.Readings.Digits.Count, 0, MostDigitsInTexture);
    }

    [Theory]
    [InlineData(Texture.SparseDarkNoise)]
    [InlineData(Texture.Scribbles)]
    [InlineData(Texture.Blobs)]
    public void Read_TextureWithMoreBlobsThanTheCap_ClassifiesOnlyTheCap(Texture texture)
    {
        using var capped = new DigitReader(new DigitReaderOptions { TrackAcrossFrames = false, MaxCandidates = 10 });
        using var frame = Draw(texture);

        using var analysis = capped.Read(frame, 0, TimeSpan.Zero);

        Assert.Equal(10, analysis.CandidateCount);
        Assert.InRange(analysis.Readings.Digits.Count, 0, MostDigitsInTexture);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(255)]
    public void Read_AllBlackOrAllWhite_NoCandidateAndNothingRead(int level)
    {
        using var reader = new DigitReader(new DigitReaderOptions { TrackAcrossFrames = false });
        using var frame = new Mat(720, 1280, MatType.CV_8UC3, Scalar.All(level));

        using var analysis = reader.Read(frame, 0, TimeSpan.Zero);

        Assert.Equal(0, analysis.CandidateCount);
        Assert.Empty(analysis.Readings.Digits);
        Assert.Empty(analysis.Readings.Numbers);
    }

    public enum Texture
    {
        UniformNoise,
        SparseDarkNoise,
        PaperWithSensorNoise,
        Scribbles,
        Blobs,
        Checkerboard,
        Hatching,
    }

    /// <summary>Draws a 1280x720 frame of <paramref name="texture"/>, the same every time (fixed seed).</summary>
    internal static Mat Draw(Texture texture)
    {
        var frame = new Mat(720, 1280, MatType.CV_8UC3, new Scalar(235, 238, 240));
        var rng = new RNG(2026);
        var ink = Scalar.All(40);
        switch (texture)
        {
            case Texture.UniformNoise:
                rng.Fill(frame, DistributionType.Uniform, Scalar.All(0), Scalar.All(256));
                break;
            case Texture.SparseDarkNoise:
            {
                // Grey, each pixel the brightest of three uniform draws: dark pixels are few and scattered, thousands
                // of small pieces. (Uniform colour noise is dark in some channel nearly everywhere: one piece.)
                rng.Fill(frame, DistributionType.Uniform, Scalar.All(0), Scalar.All(256));
                Cv2.Split(frame, out var planes);
                using var brightest = new Mat();
                Cv2.Max(planes[0], planes[1], brightest);
                Cv2.Max(brightest, planes[2], brightest);
                Cv2.CvtColor(brightest, frame, ColorConversionCodes.GRAY2BGR);
                foreach (var plane in planes)
                {
                    plane.Dispose();
                }

                break;
            }

            case Texture.PaperWithSensorNoise:
                rng.Fill(frame, DistributionType.Normal, Scalar.All(200), Scalar.All(40));
                break;
            case Texture.Scribbles:
                for (var i = 0; i < 3000; i++)
                {
                    var from = new Point(rng.Uniform(0, 1280), rng.Uniform(0, 720));
                    frame.Line(from, from + new Point(rng.Uniform(-25, 25), rng.Uniform(-25, 25)), ink, 3);
                }

                break;
            case Texture.Blobs:
                for (var i = 0; i < 1500; i++)
                {
                    var centre = new Point(rng.Uniform(0, 1280), rng.Uniform(0, 720));
                    var axes = new Size(rng.Uniform(3, 14), rng.Uniform(6, 20));
                    frame.Ellipse(centre, axes, rng.Uniform(0, 180), 0, 360, ink, -1);
                }

                break;
            case Texture.Checkerboard:
                for (var y = 0; y < 720; y += 8)
                {
                    for (var x = y / 8 % 2 * 8; x < 1280; x += 16)
                    {
                        frame.Rectangle(new Rect(x, y, 8, 8), ink, -1);
                    }
                }

                break;
            case Texture.Hatching:
                for (var x = -720; x < 1280; x += 6)
                {
                    frame.Line(new Point(x, 0), new Point(x + 720, 720), ink, 2);
                }

                break;
        }

        return frame;
    }
}
