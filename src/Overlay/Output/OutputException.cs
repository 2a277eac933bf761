namespace LiveDigits.Overlay.Output;

/// <summary>An output file that cannot be written; the message names the file and the problem, for the user.</summary>
public sealed class OutputException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    /// <param name="message">The file and what is wrong with it.</param>
    public OutputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and its cause.</summary>
    /// <param name="message">The file and what is wrong with it.</param>
    /// <param name="innerException">The cause.</param>
    public OutputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public OutputException()
        : base("An output file cannot be written.")
    {
    }
}
