namespace LiveDigits.App;

/// <summary>The process exit codes, decided in one place.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Something failed that is not the user's doing (a bug, or the machine).</summary>
    public const int InternalError = 1;

    /// <summary>The command line is wrong: unknown option, missing value, conflicting options.</summary>
    public const int UsageError = 2;

    /// <summary>An input is unusable: a model, video, image, folder or device named on the command line.</summary>
    public const int InputError = 3;

    /// <summary>The run was interrupted (Ctrl+C, SIGTERM) and shut down cleanly.</summary>
    public const int Interrupted = 130;
}
