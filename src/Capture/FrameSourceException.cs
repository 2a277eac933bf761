namespace LiveDigits.Capture;

/// <summary>
/// A frame source that cannot be opened or read: the message names the device or file and the problem,
/// and is meant to be shown to the user as it is.
/// </summary>
public sealed class FrameSourceException : Exception
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    /// <param name="message">One line naming the device or file and what is wrong.</param>
    public FrameSourceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a user-facing message and its cause.</summary>
    /// <param name="message">One line naming the device or file and what is wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public FrameSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public FrameSourceException()
        : base("The frame source failed.")
    {
    }
}
