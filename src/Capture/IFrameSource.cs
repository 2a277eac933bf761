namespace LiveDigits.Capture;

/// <summary>
/// Something that delivers frames: a camera, a video file, a list of images, a generated clip.
/// </summary>
/// <remarks>
/// <see cref="Frames"/> is cold: each subscription opens the device or file, and unsubscribing releases
/// it. The sequence completes at the end of the stream and fails with a
/// <see cref="FrameSourceException"/> naming the device or file when it cannot be read. Every frame
/// pushed to an observer belongs to that observer.
/// </remarks>
public interface IFrameSource
{
    /// <summary>Gets a short description for messages, such as <c>camera 0</c> or a file path.</summary>
    string Name { get; }

    /// <summary>
    /// Gets whether frames arrive in real time whatever the consumer does (a camera). A live source's
    /// stale frames may be dropped; a file source is processed frame by frame.
    /// </summary>
    bool IsLive { get; }

    /// <summary>Opens the source on subscription and pushes its frames.</summary>
    /// <returns>The frames, in order.</returns>
    IObservable<Frame> Frames();
}
