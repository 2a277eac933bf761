using OpenCvSharp;

namespace LiveDigits.Capture.Clips;

/// <summary>
/// What a cheap webcam does to the picture: uneven light and moving shadows, a white-balance cast,
/// defocus and motion blur, sensor noise and JPEG compression. Parameters drift slowly over time.
/// </summary>
internal sealed class CameraEffects : IDisposable
{
    private const int GainColumns = 32;
    private const int GainRows = 18;

    // The gain image is 8-bit; this scale lets it brighten a little as well as darken.
    private const double GainScale = 200;

    private readonly Size _size;
    private readonly double _fps;
    private readonly bool _hard;
    private readonly double[] _phases;
    private readonly double _gradient;
    private readonly double _shadow;
    private readonly double _vignette;
    private readonly double[] _whiteBalance;
    private readonly double _blurBase;
    private readonly double _blurSwing;
    private readonly int _jpegLow;
    private readonly int _jpegHigh;
    private readonly Mat _noiseUp;
    private readonly Mat _noiseDown;
    private readonly Mat _gainSmall = new(GainRows, GainColumns, MatType.CV_8UC3);
    private readonly Mat _gain = new();
    private readonly float[] _gainValues = new float[GainRows * GainColumns * 3];

    public CameraEffects(ClipOptions options, Random random)
    {
        _size = new Size(options.Width, options.Height);
        _fps = options.Fps;
        _hard = options.Style == ClipStyle.Hard;
        _phases = Enumerable.Range(0, 8).Select(_ => random.NextDouble() * 2 * Math.PI).ToArray();
        _gradient = _hard ? 0.3 + (0.15 * random.NextDouble()) : 0.1 + (0.15 * random.NextDouble());
        _shadow = _hard ? 0.35 + (0.15 * random.NextDouble()) : 0.1 + (0.12 * random.NextDouble());
        _vignette = 0.1 + (0.15 * random.NextDouble());
        _whiteBalance = PickWhiteBalance(random);
        _blurBase = _hard ? 0.8 : 0.45;
        _blurSwing = _hard ? 1.3 : 0.5;
        (_jpegLow, _jpegHigh) = _hard ? (30, 60) : (55, 85);
        var sigma = _hard ? 5 + (3 * random.NextDouble()) : 2.5 + (1.5 * random.NextDouble());
        (_noiseUp, _noiseDown) = MakeNoise(sigma, random);
    }

    /// <summary>Darkens and tints <paramref name="frame"/> by the light at time <paramref name="seconds"/>.</summary>
    /// <param name="frame">The frame, 8-bit BGR, changed in place.</param>
    /// <param name="seconds">The frame's time.</param>
    /// <param name="handTip">Where a hand is, to cast its shadow; null when none is in view.</param>
    public void Light(Mat frame, double seconds, Point2d? handTip)
    {
        var exposure = 1.02 + (0.04 * Math.Sin((0.3 * seconds) + _phases[0]));
        var direction = _phases[1] + (0.6 * Math.Sin((0.15 * seconds) + _phases[2]));
        var shadowX = 0.5 + (0.9 * Math.Sin((0.11 * seconds) + _phases[3]));
        var shadowY = 0.5 + (0.7 * Math.Cos((0.09 * seconds) + _phases[4]));
        var drift = 0.02 * Math.Sin((0.2 * seconds) + _phases[5]);
        for (var row = 0; row < GainRows; row++)
        {
            for (var col = 0; col < GainColumns; col++)
            {
                var x = ((col + 0.5) / GainColumns * 2) - 1;
                var y = ((row + 0.5) / GainRows * 2) - 1;
                var along = (x * Math.Cos(direction)) + (y * Math.Sin(direction));
                var light = exposure * (1 - (_gradient * (0.5 + (0.5 * along))));
                light *= 1 - (_vignette * ((x * x) + (y * y)) / 2);
                light *= 1 - (_shadow * SoftDisc(x - ((2 * shadowX) - 1), y - ((2 * shadowY) - 1), 0.8, 0.25));
                if (handTip is { } tip)
                {
                    var hx = (tip.X / _size.Width * 2) - 1 + 0.15;
                    var hy = (tip.Y / _size.Height * 2) - 1 + 0.2;
                    light *= 1 - (0.35 * SoftDisc(x - hx, y - hy, 0.45, 0.3));
                }

                var at = ((row * GainColumns) + col) * 3;
                _gainValues[at] = (float)(light * (_whiteBalance[0] + drift) * GainScale);
                _gainValues[at + 1] = (float)(light * _whiteBalance[1] * GainScale);
                _gainValues[at + 2] = (float)(light * (_whiteBalance[2] - drift) * GainScale);
            }
        }

        using var values = new Mat(GainRows, GainColumns * 3, MatType.CV_32FC1);
        values.SetArray(_gainValues);
        using var values3 = values.Reshape(3);
        values3.ConvertTo(_gainSmall, MatType.CV_8UC3);
        Cv2.Resize(_gainSmall, _gain, _size, 0, 0, InterpolationFlags.Linear);
        Cv2.Multiply(frame, _gain, frame, 1 / GainScale);
    }

    /// <summary>Blurs <paramref name="frame"/>: focus that hunts slowly, and a smear along the motion.</summary>
    /// <param name="frame">The frame, changed in place.</param>
    /// <param name="seconds">The frame's time.</param>
    /// <param name="motion">How far the picture moved since the last frame, in frame pixels.</param>
    public void Blur(Mat frame, double seconds, Point2d motion)
    {
        var speed = Math.Sqrt(motion.DotProduct(motion));
        if (speed > 1.5)
        {
            // The shutter is open for about half the frame interval.
            var length = (int)Math.Min(_hard ? 17 : 9, Math.Round(speed * 0.5)) | 1;
            using var kernel = new Mat(length, length, MatType.CV_32FC1, Scalar.All(0));
            var centre = new Point(length / 2, length / 2);
            var reach = new Point2d(motion.X / speed * (length / 2), motion.Y / speed * (length / 2));
            kernel.Line(centre - new Point(reach.X, reach.Y), centre + new Point(reach.X, reach.Y), Scalar.All(1));
            Cv2.Divide(kernel, Cv2.Sum(kernel), kernel);
            Cv2.Filter2D(frame, frame, -1, kernel);
        }

        var sigma = _blurBase + (_blurSwing * (0.5 + (0.5 * Math.Sin((0.7 * seconds) + _phases[6]))));
        Cv2.GaussianBlur(frame, frame, new Size(0, 0), sigma);
    }

    /// <summary>Adds sensor noise and compresses the frame as a webcam's JPEG stream would.</summary>
    public void Degrade(Mat frame, Random random)
    {
        var at = new Rect(
            random.Next(_noiseUp.Width - _size.Width),
            random.Next(_noiseUp.Height - _size.Height),
            _size.Width,
            _size.Height);
        using (var up = new Mat(_noiseUp, at))
        using (var down = new Mat(_noiseDown, at))
        {
            Cv2.Add(frame, up, frame);
            Cv2.Subtract(frame, down, frame);
        }

        var quality = _jpegLow + random.Next(_jpegHigh - _jpegLow + 1);
        Cv2.ImEncode(".jpg", frame, out var jpeg, [(int)ImwriteFlags.JpegQuality, quality]);
        using var decoded = Cv2.ImDecode(jpeg, ImreadModes.Color);
        decoded.CopyTo(frame);
    }

    public void Dispose()
    {
        _noiseUp.Dispose();
        _noiseDown.Dispose();
        _gainSmall.Dispose();
        _gain.Dispose();
    }

    private (Mat Up, Mat Down) MakeNoise(double sigma, Random random)
    {
        var size = new Size(_size.Width + 64, _size.Height + 64);
        Cv2.SetTheRNG((ulong)random.NextInt64(1, long.MaxValue));
        using var noise = new Mat(size, MatType.CV_16SC3);
        Cv2.Randn(noise, Scalar.All(0), Scalar.All(sigma));
        var up = new Mat();
        var down = new Mat();
        noise.ConvertTo(up, MatType.CV_8UC3);
        using var negative = new Mat();
        Cv2.Multiply(noise, Scalar.All(-1), negative);
        negative.ConvertTo(down, MatType.CV_8UC3);
        return (up, down);
    }

    private static double[] PickWhiteBalance(Random random)
    {
        double[][] casts = [[0.86, 0.95, 1.04], [1.04, 0.99, 0.9], [0.95, 1.02, 0.94], [1, 1, 1], [0.9, 0.97, 1.02]];
        return casts[random.Next(casts.Length)];
    }

    private static double SoftDisc(double dx, double dy, double radius, double softness)
    {
        var distance = Math.Sqrt((dx * dx) + (dy * dy));
        return 1 / (1 + Math.Exp((distance - radius) / (softness / 4)));
    }
}
