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
    /// <summary>Throws when a value cannot make a clip.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(FrameCount, 1, nameof(FrameCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(Width, 160, nameof(Width));
        ArgumentOutOfRangeException.ThrowIfLessThan(Height, 120, nameof(Height));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Width, 7680, nameof(Width));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Height, 4320, nameof(Height));
        if (!(Fps is > 0 and <= 240))
        {
            throw new ArgumentOutOfRangeException(nameof(Fps), Fps, "Fps must be above 0 and at most 240.");
        }

        if (!(Spacing is >= 1 and <= 8))
        {
            throw new ArgumentOutOfRangeException(nameof(Spacing), Spacing, "Spacing must be from 1 to 8.");
        }
    }
}
