namespace LiveDigits.App.Benchmarking;

/// <summary>One run of a reader behind a paced live source.</summary>
/// <param name="Captured">Frames the source pushed.</param>
/// <param name="Processed">Frames the reader finished.</param>
/// <param name="Dropped">Stale frames dropped because a newer one arrived.</param>
/// <param name="P50">Median time from capture to readings, in milliseconds.</param>
/// <param name="P95">95th percentile of that time.</param>
/// <param name="P99">99th percentile of that time.</param>
/// <param name="Late">Processed frames whose readings came after the next frame was captured.</param>
internal sealed record LiveRun(
    long Captured, long Processed, long Dropped, double P50, double P95, double P99, int Late);
