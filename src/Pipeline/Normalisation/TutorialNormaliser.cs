using OpenCvSharp;

namespace LiveDigits.Pipeline.Normalisation;

/// <summary>
/// The classic tutorial's normalisation, kept as a baseline to measure against: the whole region is
/// stretched to 28x28 whatever its shape, then moved so its centre of mass sits at the centre.
/// </summary>
/// <remarks>
/// It neither keeps the aspect ratio nor leaves MNIST's 4-pixel margin nor corrects stroke width, so a
/// tall "1" becomes a wide bar and a fine pen stroke a faint line; use <see cref="DigitNormaliser"/>.
/// </remarks>
public sealed class TutorialNormaliser : ICandidateNormaliser
{
    /// <inheritdoc/>
    public Mat Normalise(Mat ink)
    {
        InkImages.CheckInput(ink);

        using var resized = new Mat();
        Cv2.Resize(ink, resized, new Size(InkImages.Side, InkImages.Side), 0, 0, InterpolationFlags.Area);
        return InkImages.CentreByMass(resized);
    }
}
