namespace LiveDigits.Pipeline.Tracking;

/// <summary>How the tracker keeps identities and votes on readings.</summary>
public sealed record TrackerOptions
{
    /// <summary>Gets the frames a new track must be seen in before it is reported (1 reports at once).</summary>
    public int ConfirmFrames { get; init; } = 2;

    /// <summary>Gets whether tracks born in the first frame after a reset are reported at once.</summary>
    /// <remarks>A still image or the first frame of a file has no earlier frame to confirm it.</remarks>
    public bool ConfirmFirstFrameAtOnce { get; init; } = true;

    /// <summary>Gets how many recent observations a track's reading is voted over.</summary>
    public int VoteFrames { get; init; } = 8;

    /// <summary>Gets after how many frames without a match a track ends.</summary>
    public int MaxMissedFrames { get; init; } = 3;

    /// <summary>Gets the overlap (intersection over union) above which a detection continues a track.</summary>
    public double MinOverlap { get; init; } = 0.2;

    /// <summary>
    /// Gets the largest centre distance, as a fraction of the digit height, at which a detection that
    /// overlaps too little still continues a track (a fast pan moves small digits off their boxes).
    /// </summary>
    public double MaxCentreShift { get; init; } = 0.6;
}
