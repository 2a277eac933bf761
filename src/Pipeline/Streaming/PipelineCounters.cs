namespace LiveDigits.Pipeline.Streaming;

/// <summary>The pipeline's health as counts: frames captured, dropped, classified and failed.</summary>
/// <remarks>Updated from the capture and worker threads; read from any thread.</remarks>
public sealed class PipelineCounters
{
    private long _captured;
    private long _dropped;
    private long _classified;
    private long _failed;

    /// <summary>Gets the frames received from the source.</summary>
    public long Captured => Interlocked.Read(ref _captured);

    /// <summary>Gets the stale frames dropped (and disposed) because a newer one arrived.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Gets the frames the reader processed.</summary>
    public long Classified => Interlocked.Read(ref _classified);

    /// <summary>Gets the frames on which the reader failed.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    internal void AddCaptured() => Interlocked.Increment(ref _captured);

    internal void AddDropped() => Interlocked.Increment(ref _dropped);

    internal void AddClassified() => Interlocked.Increment(ref _classified);

    internal void AddFailed() => Interlocked.Increment(ref _failed);

    /// <inheritdoc/>
    public override string ToString() =>
        $"captured {Captured}, dropped {Dropped}, classified {Classified}, failed {Failed}";
}
