using LiveDigits.Pipeline.Classification;
using LiveDigits.Pipeline.Normalisation;
using LiveDigits.Pipeline.Reader;
using LiveDigits.Pipeline.Segmentation;
using LiveDigits.Pipeline.Tracking;
using OpenCvSharp;

namespace LiveDigits.Benchmarks;

/// <summary>One frame and what each reader stage takes as input for it, computed once before timing.</summary>
public sealed class StageInputs : IDisposable
{
    private StageInputs(
        Mat image,
        FrameSegmentation segmentation,
        IReadOnlyList<DigitCandidate> candidates,
        IReadOnlyList<Mat> inputs,
        IReadOnlyList<DigitObservation> observations)
    {
        Image = image;
        Segmentation = segmentation;
        Candidates = candidates;
        Inputs = inputs;
        Observations = observations;
    }

    /// <summary>Gets the frame.</summary>
    public Mat Image { get; }

    /// <summary>Gets the frame's candidates.</summary>
    public FrameSegmentation Segmentation { get; }

    /// <summary>Gets the candidates the reader classifies: the tallest, up to its default limit.</summary>
    public IReadOnlyList<DigitCandidate> Candidates { get; }

    /// <summary>Gets every candidate normalised to 28x28.</summary>
    public IReadOnlyList<Mat> Inputs { get; }

    /// <summary>Gets every candidate's box with its class probabilities.</summary>
    public IReadOnlyList<DigitObservation> Observations { get; }

    /// <summary>Runs the stages once on a frame, taking ownership of it.</summary>
    /// <param name="image">The frame.</param>
    /// <param name="segmenter">Finds the candidates.</param>
    /// <param name="normaliser">Normalises them.</param>
    /// <param name="classifier">Classifies them.</param>
    /// <returns>The inputs of every stage.</returns>
    public static StageInputs Prepare(
        Mat image,
        DigitSegmenter segmenter,
        ICandidateNormaliser normaliser,
        DigitClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(normaliser);
        ArgumentNullException.ThrowIfNull(classifier);
        var segmentation = segmenter.Segment(image);

        // The reader keeps the tallest candidates up to its limit; the stages see the same ones.
        var candidates = segmentation.Candidates
            .OrderByDescending(c => c.Box.Height)
            .ThenByDescending(c => c.Box.Width)
            .Take(new DigitReaderOptions().MaxCandidates)
            .ToList();
        var inputs = candidates.Select(c => normaliser.Normalise(c.Ink)).ToList();
        var predictions = inputs.Count == 0 ? [] : classifier.Classify(inputs);
        var observations = candidates
            .Select((c, i) => new DigitObservation(c.Box, predictions[i].Probabilities))
            .ToList();
        return new StageInputs(image, segmentation, candidates, inputs, observations);
    }

    /// <summary>Releases the frame, the candidates and the normalised inputs.</summary>
    public void Dispose()
    {
        Image.Dispose();
        Segmentation.Dispose();
        foreach (var input in Inputs)
        {
            input.Dispose();
        }
    }
}
