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

    /// <summary>
    /// An output file (the JSON Lines or the recording) stopped before the run ended, for instance on a full
    /// disk: what was written is valid, but readings or frames after that point are lost.
    /// </summary>
    public const int OutputIncomplete = 4;

    /// <summary>The run was interrupted by Ctrl+C (SIGINT, 128 + 2) and shut down cleanly.</summary>
    public const int Interrupted = 130;

    /// <summary>The run was ended by SIGTERM (128 + 15) and shut down cleanly.</summary>
    public const int Terminated = 143;
}
