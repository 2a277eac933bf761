using LiveDigits.Pipeline.Classification;
using OpenCvSharp;

namespace LiveDigits.Pipeline.Reader;

/// <summary>The candidates a frame's reading goes on with, each with its box, reading and 28x28 input.</summary>
/// <remarks>
/// Owns every normalised input it made, the chosen ones and the ones it turned down, and the parts of split
/// candidates; the segmentation keeps owning its own candidates.
/// </remarks>
internal sealed class CandidateChoice : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    /// <summary>Gets the chosen candidates, left as the segmenter and the cuts found them.</summary>
    public List<(Rect Box, DigitPrediction Prediction, Mat Input)> Chosen { get; } = [];

    /// <summary>Gets the boxes of the candidates the frame's cap left unclassified (the shortest ones).</summary>
    public List<Rect> Unclassified { get; } = [];

    /// <summary>Gets how many candidates were normalised and classified, chosen or not.</summary>
    public int Classified { get; set; }

    /// <summary>Makes the choice own a native object until it is disposed.</summary>
    /// <typeparam name="T">The object's type.</typeparam>
    /// <param name="value">The object.</param>
    /// <returns>The same object.</returns>
    public T Own<T>(T value)
        where T : IDisposable
    {
        _owned.Add(value);
        return value;
    }

    /// <summary>Releases everything the choice owns. Safe to call more than once.</summary>
    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _owned.Clear();
    }
}
