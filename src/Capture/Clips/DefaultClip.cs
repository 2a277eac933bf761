using Microsoft.Extensions.Logging;

namespace LiveDigits.Capture.Clips;

/// <summary>
/// The short clip that <c>livedigits demo</c> reads: generated on first use into <c>data/clips/default/</c>
/// (fetching MNIST if needed), then reused.
/// </summary>
public static class DefaultClip
{
    /// <summary>Gets the options the default clip is made from: three seconds of plain paper.</summary>
    public static ClipOptions Options { get; } = new(ClipStyle.Plain, Seed: 2026, FrameCount: 90);

    /// <summary>Gets the folder the default clip is kept in.</summary>
    public static string Folder => Path.Combine(ProjectPaths.Data, "clips", "default");

    /// <summary>Returns the default clip, generating it first when it is missing or out of date.</summary>
    /// <param name="logger">Receives a line when the clip (or MNIST) has to be made.</param>
    /// <param name="cancellation">Stops the generation between frames, leaving no partial clip.</param>
    /// <returns>The video and truth paths.</returns>
    /// <exception cref="FrameSourceException">MNIST cannot be fetched or the video cannot be written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired while generating.</exception>
    public static ClipFiles Ensure(ILogger? logger = null, CancellationToken cancellation = default) =>
        ClipCache.Ensure(Options, Folder, logger, cancellation);
}
