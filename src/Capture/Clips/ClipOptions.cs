namespace LiveDigits.Capture.Clips;

/// <summary>What clip to generate: the same options always give the same frames and truth.</summary>
/// <param name="Style">The paper and camera difficulty.</param>
/// <param name="Seed">Seeds every random choice; the only source of variation.</param>
/// <param name="FrameCount">How many frames the clip has.</param>
/// <param name="Width">Frame width in pixels.</param>
/// <param name="Height">Frame height in pixels.</param>
/// <param name="Fps">Frames per second, which sets timestamps and how fast the camera moves.</param>
/// <param name="Spacing">
/// How far apart the rows and the numbers in a row are, as a multiple of the usual gaps: 1 writes about 50
/// digits into a 720p view, 3 about 20 (the benchmark's clip).
/// </param>
public sealed record ClipOptions(
    ClipStyle Style = ClipStyle.Plain,
    int Seed = 1,
    int FrameCount = 90,
    int Width = 1280,
    int Height = 720,
    double Fps = 30,
    double Spacing = 1)
{
    /// <summary>
    /// The most frames a clip may have: 20 minutes at 30 fps. Every frame's truth is held until the end, and
    /// 2^31 frames ran out of memory before the first was drawn.
    /// </summary>
    public const int MaxFrameCount = 36_000;

    /// <summary>The narrowest frame a clip may have.</summary>
    public const int MinWidth = 160;

    /// <summary>The widest frame a clip may have (8K).</summary>
    public const int MaxWidth = 7680;

    /// <summary>The lowest frame a clip may have.</summary>
    public const int MinHeight = 120;

    /// <summary>The tallest frame a clip may have (8K).</summary>
    public const int MaxHeight = 4320;

    /// <summary>The highest frame rate a clip may have.</summary>
    public const double MaxFps = 240;

    /// <summary>Throws when a value cannot make a clip.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(FrameCount, 1, nameof(FrameCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(FrameCount, MaxFrameCount, nameof(FrameCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(Width, MinWidth, nameof(Width));
        ArgumentOutOfRangeException.ThrowIfLessThan(Height, MinHeight, nameof(Height));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Width, MaxWidth, nameof(Width));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Height, MaxHeight, nameof(Height));
        if (Width % 2 != 0 || Height % 2 != 0)
        {
            // Both codecs store colour for blocks of 2x2 pixels: an odd size came out one pixel smaller than asked,
            // and smaller than the truth said.
            throw new ArgumentOutOfRangeException(
                Width % 2 != 0 ? nameof(Width) : nameof(Height),
                Width % 2 != 0 ? Width : Height,
                "Width and height must be even: MJPG and mp4v store colour for blocks of 2x2 pixels.");
        }

        if (!(Fps is > 0 and <= MaxFps))
        {
            throw new ArgumentOutOfRangeException(nameof(Fps), Fps, "Fps must be above 0 and at most 240.");
        }

        if (!(Spacing is >= 1 and <= 8))
        {
            throw new ArgumentOutOfRangeException(nameof(Spacing), Spacing, "Spacing must be from 1 to 8.");
        }
    }
}
