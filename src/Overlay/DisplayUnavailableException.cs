namespace LiveDigits.Overlay;

/// <summary>A window was asked for where none can be shown: no display, or one that refuses connections.</summary>
public sealed class DisplayUnavailableException : Exception
{
    /// <summary>Creates the exception with a one-line message for the user.</summary>
    /// <param name="message">What needs the display, why it is unusable, and what to do.</param>
    public DisplayUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public DisplayUnavailableException()
        : base("No display is available for a window.")
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public DisplayUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
