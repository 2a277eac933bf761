namespace LiveDigits.Overlay.Pad;

/// <summary>What the pad found when it read the canvas.</summary>
public enum PadReadingKind
{
    /// <summary>Nothing is drawn.</summary>
    Empty,

    /// <summary>Ink that does not read as a digit: a dot, a scribble, or a shape the network doubts.</summary>
    NotDigit,

    /// <summary>One digit.</summary>
    Digit,

    /// <summary>Several digits side by side, read left to right as a number.</summary>
    Number,
}
