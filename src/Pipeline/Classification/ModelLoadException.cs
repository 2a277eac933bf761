namespace LiveDigits.Pipeline.Classification;

/// <summary>
/// A model file that cannot be used: missing, unreadable, or a network of the wrong shape. The message
/// names the file and the problem and is meant to be shown to the user as it is.
/// </summary>
public sealed class ModelLoadException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    /// <param name="path">The model file.</param>
    /// <param name="problem">What is wrong with it, in a few words.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public ModelLoadException(string path, string problem, Exception? innerException = null)
        : base($"{path}: {problem}", innerException)
    {
        ModelPath = path;
        Problem = problem;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ModelLoadException()
        : base("The model could not be loaded.")
    {
        ModelPath = string.Empty;
        Problem = Message;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The whole message.</param>
    public ModelLoadException(string message)
        : base(message)
    {
        ModelPath = string.Empty;
        Problem = message;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The whole message.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        ModelPath = string.Empty;
        Problem = message;
    }

    /// <summary>Gets the model file.</summary>
    public string ModelPath { get; }

    /// <summary>Gets what is wrong with it.</summary>
    public string Problem { get; }
}
