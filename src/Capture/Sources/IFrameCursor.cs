namespace LiveDigits.Capture.Sources;

/// <summary>
/// An open device or file that yields frames one at a time; disposing it releases the device or file.
/// Used by one capture thread only.
/// </summary>
internal interface IFrameCursor : IDisposable
{
    /// <summary>Reads the next frame, which the caller owns.</summary>
    /// <param name="cancellation">Set when the subscriber has gone; a wait (such as a retry) stops early.</param>
    /// <returns>The frame, or null at the end of the stream.</returns>
    /// <exception cref="FrameSourceException">The device or file failed.</exception>
    Frame? Next(CancellationToken cancellation);
}
