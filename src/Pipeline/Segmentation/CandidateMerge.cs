namespace LiveDigits.Pipeline.Segmentation;

/// <summary>
/// A hypothesis that several pieces of ink are one digit: the pencil 9 whose loop and stem did not join, or
/// the 5 whose flag floats above its body. The reader keeps it only when the network reads it better than
/// the pieces it replaces.
/// </summary>
/// <remarks>Owns its candidate.</remarks>
public sealed class CandidateMerge : IDisposable
{
    /// <summary>Creates the hypothesis, taking ownership of the merged candidate.</summary>
    /// <param name="candidate">The pieces' ink together, in the box around them all.</param>
    /// <param name="replaces">
    /// The indexes, in <see cref="FrameSegmentation.Candidates"/>, of the pieces that are candidates on their
    /// own; pieces too small to be a candidate are not listed.
    /// </param>
    public CandidateMerge(DigitCandidate candidate, IReadOnlyList<int> replaces)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(replaces);
        Candidate = candidate;
        Replaces = replaces;
    }

    /// <summary>Gets the merged candidate.</summary>
    public DigitCandidate Candidate { get; }

    /// <summary>Gets the indexes of the candidates this merge replaces.</summary>
    public IReadOnlyList<int> Replaces { get; }

    /// <summary>Releases the candidate's ink. Safe to call more than once.</summary>
    public void Dispose() => Candidate.Dispose();
}
