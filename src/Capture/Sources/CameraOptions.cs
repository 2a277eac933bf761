namespace LiveDigits.Capture.Sources;

/// <summary>Which camera to open, what to ask of it, and how patient to be when it stops delivering.</summary>
public sealed record CameraOptions
{
    /// <summary>Gets the camera's index (0 is the first camera; <c>/dev/video0</c> on Linux).</summary>
    public int Index { get; init; }

    /// <summary>Gets the requested frame width in pixels; null keeps the camera's default.</summary>
    public int? Width { get; init; }

    /// <summary>Gets the requested frame height in pixels; null keeps the camera's default.</summary>
    public int? Height { get; init; }

    /// <summary>Gets the requested frame rate; null keeps the camera's default.</summary>
    public double? Fps { get; init; }

    /// <summary>
    /// Gets how long to keep reopening a camera that stopped delivering (unplugged, frozen) before giving up.
    /// </summary>
    public TimeSpan RetryFor { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the wait before the first reopen; each later wait doubles, up to five seconds.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Gets how many identical frames in a row mean the camera is frozen. A real sensor's noise makes
    /// consecutive frames differ, so 90 (three seconds at 30 fps) never trips on a still scene.
    /// </summary>
    public int FrozenAfterFrames { get; init; } = 90;

    /// <summary>
    /// Gets how many frames at the start are checked for a black picture (covered lens, privacy shutter).
    /// </summary>
    public int BlackCheckFrames { get; init; } = 30;
}
