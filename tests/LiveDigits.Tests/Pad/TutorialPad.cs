using LiveDigits.Pipeline.Classification;
using OpenCvSharp;

namespace LiveDigits.Tests.Pad;

/// <summary>
/// The original tutorial pad's reading, kept to show what the shared normalisation fixes: it moved the
/// canvas so that the last stroke's centroid sat in the middle, shrank the whole 400x400 canvas to 28x28
/// without cropping or rescaling the digit, and printed whatever digit won.
/// </summary>
internal static class TutorialPad
{
    public static int Read(DigitClassifier classifier, Mat canvas, IReadOnlyList<IReadOnlyList<Point>> penPaths)
    {
        var last = penPaths[^1];
        var centreX = last.Average(p => p.X);
        var centreY = last.Average(p => p.Y);
        using var shift = new Mat(2, 3, MatType.CV_64FC1, Scalar.All(0)); // a new Mat is not zeroed
        shift.Set(0, 0, 1.0);
        shift.Set(0, 2, (canvas.Cols / 2.0) - centreX);
        shift.Set(1, 1, 1.0);
        shift.Set(1, 2, (canvas.Rows / 2.0) - centreY);

        using var centred = new Mat();
        Cv2.WarpAffine(canvas, centred, shift, canvas.Size());
        using var small = new Mat();
        Cv2.Resize(centred, small, new Size(28, 28), 0, 0, InterpolationFlags.Area);
        return classifier.Classify(small).Digit;
    }
}
