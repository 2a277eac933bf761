namespace LiveDigits.Capture.Clips;

/// <summary>The kind of paper and how hard the camera makes it to read.</summary>
public enum ClipStyle
{
    /// <summary>Plain paper, a moderate camera.</summary>
    Plain,

    /// <summary>Ruled paper (lines and a margin), a moderate camera.</summary>
    Ruled,

    /// <summary>Squared paper, a moderate camera.</summary>
    Grid,

    /// <summary>
    /// Any paper with strong perspective, blur, moving shadows, printed text, scribbles, dots and a hand
    /// entering the view.
    /// </summary>
    Hard,
}
