namespace LiveDigits.App.Hosting;

/// <summary>A command line that parses but makes no sense, such as two options that exclude each other.</summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the exception with a one-line message for the user.</summary>
    /// <param name="message">What is wrong and, where it helps, what to do instead.</param>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public UsageException()
        : base("The command line is not valid.")
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
