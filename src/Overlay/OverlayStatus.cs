namespace LiveDigits.Overlay;

/// <summary>The figures in the overlay's status line.</summary>
/// <param name="Fps">Frames processed per second, recently.</param>
/// <param name="Latency">How long the reader took on this frame.</param>
/// <param name="Candidates">How many candidates were classified in this frame.</param>
/// <param name="Dropped">How many stale frames have been dropped so far (live sources).</param>
/// <param name="Paused">Whether the view is paused.</param>
public sealed record OverlayStatus(double Fps, TimeSpan Latency, int Candidates, long Dropped, bool Paused = false)
{
    /// <summary>
    /// Gets the still image this frame is, for which the line names the image and what was read in it instead
    /// of a frame rate and latency; null for a stream (camera, video).
    /// </summary>
    public StillImage? Image { get; init; }
}
