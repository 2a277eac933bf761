using LiveDigits.Pipeline.Segmentation;
using OpenCvSharp;

namespace LiveDigits.Tests.Segmentation;

public sealed class CandidateRethresholdTests
{
    [Fact]
    public void Tighten_EightWithGreyFilledLoops_OpensTheLoopsAndKeepsTheStrokes()
    {
        using var paper = new Mat(60, 60, MatType.CV_8UC1, Scalar.All(255));
        DrawEight(paper, loopGrey: 190, strokeGrey: 60);
        using var candidate = CandidateAt(paper, level: 215);

        using var tight = CandidateRethreshold.Tighten(candidate, paper);

        Assert.NotNull(tight);
        var upperLoop = new Point(30 - tight.Box.X, 20 - tight.Box.Y);
        Assert.Equal(0, tight.Ink.At<byte>(upperLoop.Y, upperLoop.X));
        var leftStroke = new Point(23 - tight.Box.X, 20 - tight.Box.Y);
        Assert.Equal(255, tight.Ink.At<byte>(leftStroke.Y, leftStroke.X));
        Assert.Equal(candidate.Box.Height, tight.Box.Height);
    }

    [Fact]
    public void Tighten_CleanStroke_ProposesNothing()
    {
        using var paper = new Mat(60, 60, MatType.CV_8UC1, Scalar.All(255));
        DrawEight(paper, loopGrey: 255, strokeGrey: 60);
        using var candidate = CandidateAt(paper, level: 215);

        using var tight = CandidateRethreshold.Tighten(candidate, paper);

        Assert.Null(tight);
    }

    // Two rings one above the other (centres 30,20 and 30,36, radius 7), loops filled with loopGrey.
    private static void DrawEight(Mat paper, int loopGrey, int strokeGrey)
    {
        foreach (var centre in new[] { new Point(30, 20), new Point(30, 36) })
        {
            Cv2.Circle(paper, centre, 7, Scalar.All(loopGrey), -1);
            Cv2.Circle(paper, centre, 7, Scalar.All(strokeGrey), 2);
        }
    }

    private static DigitCandidate CandidateAt(Mat paper, int level)
    {
        using var mask = new Mat();
        Cv2.Threshold(paper, mask, level, 255, ThresholdTypes.BinaryInv);
        var box = Cv2.BoundingRect(mask);
        return new DigitCandidate(box, new Mat(mask, box).Clone());
    }
}
