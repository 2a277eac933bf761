using Microsoft.Extensions.Logging;

namespace LiveDigits.Capture.Clips;

/// <summary>
/// The clip <c>livedigits bench</c> measures by default: 720p plain paper with about 20 digits in view,
/// as the speed targets assume; generated on first use into <c>data/clips/bench-20/</c>.
/// </summary>
/// <remarks>
/// Seed 20 with twice the usual spacing has 24 digits to read per frame (median; 18 to 28 over the
/// clip) and about 24 candidates, against about 30 digits and 94 candidates (printed letters, dots and
/// pieces besides the digits) for the demo's <see cref="DefaultClip"/>.
/// </remarks>
public static class BenchClip
{
    /// <summary>Gets the options the clip is made from: three seconds of sparsely written plain paper.</summary>
    public static ClipOptions Options { get; } = new(ClipStyle.Plain, Seed: 20, FrameCount: 90, Spacing: 2);

    /// <summary>Gets the folder the clip is kept in.</summary>
    public static string Folder => Path.Combine(ProjectPaths.Data, "clips", "bench-20");

    /// <summary>Returns the clip, generating it first when it is missing or out of date.</summary>
    /// <param name="logger">Receives a line when the clip (or MNIST) has to be made.</param>
    /// <param name="cancellation">Stops the generation between frames, leaving no partial clip.</param>
    /// <returns>The video and truth paths.</returns>
    /// <exception cref="FrameSourceException">MNIST cannot be fetched or the video cannot be written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired while generating.</exception>
    public static ClipFiles Ensure(ILogger? logger = null, CancellationToken cancellation = default) =>
        ClipCache.Ensure(Options, Folder, logger, cancellation);
}
