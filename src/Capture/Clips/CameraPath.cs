using OpenCvSharp;

namespace LiveDigits.Capture.Clips;

/// <summary>
/// A slow, smooth camera path over the sheet: random poses every couple of seconds joined by Catmull-Rom
/// splines, plus a small hand tremor.
/// </summary>
internal sealed class CameraPath
{
    private readonly CameraPose[] _keys;
    private readonly double _framesPerKey;
    private readonly double[] _shakePhases;
    private readonly double _shakeAmplitude;
    private readonly double _fps;

    public CameraPath(ClipOptions options, Rect paper, Random random)
    {
        var hard = options.Style == ClipStyle.Hard;
        _fps = options.Fps;
        _framesPerKey = options.Fps * (hard ? 1.8 : 2.6);
        _keys = new CameraPose[(int)Math.Ceiling(options.FrameCount / _framesPerKey) + 4];
        for (var i = 0; i < _keys.Length; i++)
        {
            _keys[i] = RandomPose(options, paper, random, hard);
        }

        _shakePhases = Enumerable.Range(0, 6).Select(_ => random.NextDouble() * 2 * Math.PI).ToArray();
        _shakeAmplitude = (hard ? 3.0 : 1.0) * options.Height / 720.0;
    }

    /// <summary>The pose at (possibly fractional) frame <paramref name="frame"/>.</summary>
    public CameraPose At(double frame)
    {
        var t = Math.Max(0, frame) / _framesPerKey;
        var i = (int)Math.Floor(t);
        var f = t - i;
        var pose = CatmullRom(_keys[i], _keys[i + 1], _keys[i + 2], _keys[i + 3], f);
        var seconds = frame / _fps;
        var shakeX = Math.Sin((seconds * 2.1 * Math.PI) + _shakePhases[0])
            + (0.5 * Math.Sin((seconds * 5.3 * Math.PI) + _shakePhases[1]));
        var shakeY = Math.Sin((seconds * 1.7 * Math.PI) + _shakePhases[2])
            + (0.5 * Math.Sin((seconds * 4.1 * Math.PI) + _shakePhases[3]));
        return pose with
        {
            X = pose.X + (_shakeAmplitude * pose.Scale * shakeX),
            Y = pose.Y + (_shakeAmplitude * pose.Scale * shakeY),
        };
    }

    private static CameraPose RandomPose(ClipOptions options, Rect paper, Random random, bool hard)
    {
        var scale = hard ? 1.15 + (0.5 * random.NextDouble()) : 1.2 + (0.3 * random.NextDouble());
        var halfViewW = scale * options.Width / 2;
        var halfViewH = scale * options.Height / 2;

        // A moderate camera keeps the paper filling most of the view; a hard one wanders past its edge.
        var reach = hard ? 0.35 : 0.1;
        var x = Between(paper.Left + (halfViewW * (1 - reach)), paper.Right - (halfViewW * (1 - reach)), random);
        var y = Between(paper.Top + (halfViewH * (1 - reach)), paper.Bottom - (halfViewH * (1 - reach)), random);
        var angle = (random.NextDouble() - 0.5) * 2 * (hard ? 0.22 : 0.07);
        var tiltX = (random.NextDouble() - 0.5) * 2 * (hard ? 0.16 : 0.05);
        var tiltY = (random.NextDouble() - 0.5) * 2 * (hard ? 0.2 : 0.06);
        return new CameraPose(x, y, scale, angle, tiltX, tiltY);
    }

    private static double Between(double low, double high, Random random) =>
        low >= high ? (low + high) / 2 : low + ((high - low) * random.NextDouble());

    private static CameraPose CatmullRom(CameraPose p0, CameraPose p1, CameraPose p2, CameraPose p3, double t)
    {
        var t2 = t * t;
        var t3 = t2 * t;
        return (0.5 * ((2 * t3) - (3 * t2) + 1) * 2 * p1)
            + (0.5 * (t3 - (2 * t2) + t) * (p2 + (-1 * p0)))
            + (0.5 * ((-2 * t3) + (3 * t2)) * 2 * p2)
            + (0.5 * (t3 - t2) * (p3 + (-1 * p1)));
    }
}
