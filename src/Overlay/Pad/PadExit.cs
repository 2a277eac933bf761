namespace LiveDigits.Overlay.Pad;

/// <summary>How the user left the pad.</summary>
public enum PadExit
{
    /// <summary>Esc, q, or the window was closed: the program should end.</summary>
    Quit,

    /// <summary><c>p</c>: go back to the camera the pad was opened from.</summary>
    BackToCamera,
}
