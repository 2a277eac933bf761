using OpenCvSharp;

namespace LiveDigits.Capture.Clips;

/// <summary>
/// A hand (palm, fingers and sleeve) that enters the view from one edge, rests, and leaves: a large dark
/// region that hides digits. Only the hard style has one.
/// </summary>
internal sealed class HandOccluder : IDisposable
{
    private readonly Size _size;
    private readonly double _start;
    private readonly double _length;
    private readonly Point2d _target;
    private readonly Point2d _direction;
    private readonly Scalar _colour;
    private readonly Mat _mask;

    public HandOccluder(ClipOptions options, Random random)
    {
        _size = new Size(options.Width, options.Height);
        _length = Math.Min(options.FrameCount * 0.6, options.Fps * (2 + (1.5 * random.NextDouble())));
        _start = (options.FrameCount - _length) * (0.2 + (0.6 * random.NextDouble()));
        var fromBottom = random.NextDouble() < 0.5;
        var slant = 0.3 * (random.NextDouble() - 0.5);
        _direction = fromBottom ? new Point2d(slant, -1) : new Point2d(-1, slant);
        _target = new Point2d(
            options.Width * (fromBottom ? 0.3 + (0.4 * random.NextDouble()) : 0.6 + (0.2 * random.NextDouble())),
            options.Height * (fromBottom ? 0.55 + (0.2 * random.NextDouble()) : 0.3 + (0.4 * random.NextDouble())));
        _colour = random.NextDouble() < 0.5 ? new Scalar(70, 90, 125) : new Scalar(48, 44, 46);
        _mask = new Mat(_size, MatType.CV_8UC1, Scalar.All(0));
    }

    /// <summary>Gets the hand's fingertips in the last drawn frame, or null when it was out of view.</summary>
    public Point2d? Tip { get; private set; }

    /// <summary>Draws the hand into <paramref name="frame"/> when it is in view at that frame.</summary>
    public void Draw(Mat frame, int frameIndex)
    {
        Tip = null;
        var t = (frameIndex - _start) / _length;
        if (t is <= 0 or >= 1)
        {
            return;
        }

        // In over the first third, rest, out over the last third: eased so it starts and stops gently.
        var reach = t < 1.0 / 3 ? Ease(3 * t) : t > 2.0 / 3 ? Ease(3 * (1 - t)) : 1;
        var travel = 0.9 * _size.Height * (1 - reach);
        var tip = new Point2d(_target.X - (_direction.X * travel), _target.Y - (_direction.Y * travel));
        Tip = tip;

        _mask.SetTo(Scalar.All(0));
        DrawShape(tip);
        Blend(frame);
    }

    /// <summary>The fraction of <paramref name="box"/> the hand covered in the last drawn frame.</summary>
    public double Occlusion(Rect box)
    {
        if (Tip is null || box.Width <= 0 || box.Height <= 0)
        {
            return 0;
        }

        using var covered = new Mat(_mask, box);
        return Cv2.CountNonZero(covered) / ((double)box.Width * box.Height);
    }

    public void Dispose() => _mask.Dispose();

    private void DrawShape(Point2d tip)
    {
        var h = _size.Height;
        var d = _direction * (1 / Math.Sqrt(_direction.DotProduct(_direction)));
        var side = new Point2d(-d.Y, d.X);
        var palm = tip - (d * (0.3 * h));
        var angle = Math.Atan2(d.Y, d.X) * 180 / Math.PI;
        var white = Scalar.All(255);
        _mask.Ellipse(ToPoint(palm), new Size(0.2 * h, 0.15 * h), angle, 0, 360, white, -1, LineTypes.AntiAlias);
        for (var f = 0; f < 4; f++)
        {
            var offset = (f - 1.5) * 0.075 * h;
            var length = (f is 1 or 2 ? 0.2 : 0.15) * h;
            var root = palm + (side * offset) + (d * (0.1 * h));
            _mask.Line(ToPoint(root), ToPoint(root + (d * length)), white, (int)(0.06 * h), LineTypes.AntiAlias);
        }

        var sleeve = palm - (d * (1.2 * h));
        _mask.Line(ToPoint(palm), ToPoint(sleeve), white, (int)(0.3 * h), LineTypes.AntiAlias);
    }

    private void Blend(Mat frame)
    {
        var area = Cv2.BoundingRect(_mask) & new Rect(0, 0, _size.Width, _size.Height);
        if (area.Width <= 0 || area.Height <= 0)
        {
            return;
        }

        using var maskArea = new Mat(_mask, area);
        using var cover = new Mat();
        maskArea.ConvertTo(cover, MatType.CV_32FC1, 1.0 / 255);
        Cv2.GaussianBlur(cover, cover, new Size(0, 0), 2.5);
        using var keep = new Mat();
        Cv2.Subtract(Scalar.All(1), cover, keep);
        using var target = new Mat(frame, area);
        using var solid = new Mat(area.Size, MatType.CV_8UC3, _colour);
        Cv2.BlendLinear(target, solid, keep, cover, target);
    }

    private static Point ToPoint(Point2d p) => new((int)Math.Round(p.X), (int)Math.Round(p.Y));

    private static double Ease(double t) => 0.5 - (0.5 * Math.Cos(Math.PI * Math.Clamp(t, 0, 1)));
}
