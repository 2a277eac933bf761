using LiveDigits.Capture.Mnist;
using OpenCvSharp;

namespace LiveDigits.Capture.Clips;

internal sealed partial class SheetBuilder
{
    /// <summary>One MNIST digit rendered as a stroke shape, waiting to be placed on the paper.</summary>
    private sealed class Glyph : IDisposable
    {
        private Glyph(int mnistIndex, int label, Mat alpha, Point2f[] hull, Rect inkBox, int margin)
        {
            MnistIndex = mnistIndex;
            Label = label;
            Alpha = alpha;
            Hull = hull;
            InkBox = inkBox;
            Margin = margin;
        }

        public int MnistIndex { get; }

        public int Label { get; }

        /// <summary>Gets the stroke's cover, float 0-1, with a margin around the ink.</summary>
        public Mat Alpha { get; }

        /// <summary>Gets the ink's convex hull in <see cref="Alpha"/>'s pixels.</summary>
        public Point2f[] Hull { get; }

        /// <summary>Gets the tight box of the ink in <see cref="Alpha"/>'s pixels.</summary>
        public Rect InkBox { get; }

        public int Margin { get; }

        public double Left { get; set; }

        public double Baseline { get; set; }

        public static Glyph Make(MnistSet mnist, Random random, double height, Ink ink, double unit)
        {
            var index = random.Next(mnist.Count);
            var alpha = MnistInk.Render(mnist, index, height, ink.StrokeWidth, 0.45 * unit);
            var hull = MnistInk.Hull(alpha, new Point(0, 0));
            var inkBox = hull.Length > 0
                ? Rect.FromLTRB(
                    (int)hull.Min(p => p.X),
                    (int)hull.Min(p => p.Y),
                    (int)hull.Max(p => p.X) + 1,
                    (int)hull.Max(p => p.Y) + 1)
                : new Rect(0, 0, alpha.Width, alpha.Height);
            var margin = Math.Max(inkBox.X, alpha.Width - inkBox.Right);
            return new Glyph(index, mnist.Label(index), alpha, hull, inkBox, margin);
        }

        public void Dispose() => Alpha.Dispose();
    }
}
