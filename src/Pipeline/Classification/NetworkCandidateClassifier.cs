using OpenCvSharp;

namespace LiveDigits.Pipeline.Classification;

/// <summary>Classifies candidates with a <see cref="DigitClassifier"/> network, one batch per frame.</summary>
public sealed class NetworkCandidateClassifier : ICandidateClassifier, IDisposable
{
    private readonly bool _ownsNetwork;

    /// <summary>Wraps a loaded network.</summary>
    /// <param name="network">The network.</param>
    /// <param name="ownsNetwork">Whether <see cref="Dispose"/> disposes <paramref name="network"/>.</param>
    public NetworkCandidateClassifier(DigitClassifier network, bool ownsNetwork)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
        _ownsNetwork = ownsNetwork;
    }

    /// <summary>Gets the network.</summary>
    public DigitClassifier Network { get; }

    /// <inheritdoc/>
    public IReadOnlyList<DigitPrediction> Classify(IReadOnlyList<Mat> normalised)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        return normalised.Count == 0 ? [] : Network.Classify(normalised);
    }

    /// <summary>Releases the network when this adapter owns it.</summary>
    public void Dispose()
    {
        if (_ownsNetwork)
        {
            Network.Dispose();
        }
    }
}
