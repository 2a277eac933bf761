using OpenCvSharp;

namespace LiveDigits.Capture.Clips;

/// <summary>
/// Where the camera looks: the canvas point at the frame's centre, canvas pixels per frame pixel, the
/// roll angle, and how far the view is tilted left-right and up-down (keystone, as a fraction).
/// </summary>
internal readonly record struct CameraPose(double X, double Y, double Scale, double Angle, double TiltX, double TiltY)
{
    public static CameraPose operator +(CameraPose a, CameraPose b) =>
        new(a.X + b.X, a.Y + b.Y, a.Scale + b.Scale, a.Angle + b.Angle, a.TiltX + b.TiltX, a.TiltY + b.TiltY);

    public static CameraPose operator *(double k, CameraPose p) =>
        new(k * p.X, k * p.Y, k * p.Scale, k * p.Angle, k * p.TiltX, k * p.TiltY);

    /// <summary>The homography taking canvas pixels to frame pixels for a frame of <paramref name="size"/>.</summary>
    public Mat Homography(Size size)
    {
        var halfW = size.Width / 2.0;
        var halfH = size.Height / 2.0;
        Point2f[] frameCorners = [new(0, 0), new(size.Width, 0), new(size.Width, size.Height), new(0, size.Height)];
        var (cos, sin) = (Math.Cos(Angle), Math.Sin(Angle));
        var canvasCorners = new Point2f[4];
        for (var i = 0; i < 4; i++)
        {
            var u = frameCorners[i].X - halfW;
            var v = frameCorners[i].Y - halfH;

            // The side of the frame tilted away from the camera sees more of the canvas.
            var depth = 1 + (TiltX * u / halfW) + (TiltY * v / halfH);
            var x = Scale * depth * ((cos * u) - (sin * v));
            var y = Scale * depth * ((sin * u) + (cos * v));
            canvasCorners[i] = new Point2f((float)(X + x), (float)(Y + y));
        }

        return Cv2.GetPerspectiveTransform(canvasCorners, frameCorners);
    }
}
