namespace LiveDigits.Overlay;

/// <summary>A still image among those of a run, as the status line names it.</summary>
/// <param name="Name">The file's name, without its folder.</param>
/// <param name="Position">Its place in the run, from 1.</param>
/// <param name="Count">How many images the run reads.</param>
public sealed record StillImage(string Name, long Position, long Count);
