using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LiveDigits.App.Hosting;

/// <summary>
/// Turns Ctrl+C (SIGINT) and SIGTERM into a cancellation from the first line of <c>Main</c>. System.CommandLine
/// listens for them only once a command's action has returned its task, and a reading command loads its model
/// before its first await: a signal in that second or two took the runtime's default and killed the process
/// with no files. A second signal, or a command still running after the grace period, ends the process at once.
/// A signal within <see cref="SameRequest"/> of the first is that request again, not the user insisting:
/// timeout(1), and service managers stopping a process group, signal both the process and its group, so
/// the process gets the one request twice within microseconds (it was killed with its files unfinished).
/// A later signal is the user insisting, most often because finalising is stuck (an output that blocks, such
/// as a pipe nobody reads or a hung network mount): the process ends at once, by the signal's default action
/// (exit status 130 or 143), after one line saying what that leaves. The JSON Lines file is written a whole
/// line at a time, so it stays valid up to its last line; a recording not yet finalised may not play.
/// </summary>
public sealed class ShutdownSignals : IDisposable
{
    /// <summary>The line written to standard error when a second signal ends the process at once.</summary>
    public const string InsistedLine =
        "livedigits: stopped at once by a second signal; the JSON Lines file is valid up to its last line, " +
        "a recording still being finalised may not play";

    /// <summary>How long after the first signal another one counts as the same request.</summary>
    public static readonly TimeSpan SameRequest = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _cancellation = new();
    private readonly TimeSpan _grace;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _exitCode;
    private long _firstSignalAt;

    /// <summary>Starts listening for SIGINT and SIGTERM.</summary>
    /// <param name="grace">How long a command may take to finalise its files after the first signal.</param>
    public ShutdownSignals(TimeSpan grace)
    {
        _grace = grace;
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // Not every platform maps every POSIX signal (SIGTERM on some Windows hosts); the others still work.
            }
        }
    }

    /// <summary>Gets the token cancelled by the first signal.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>
    /// Gets the exit code the signal asks for: <see cref="ExitCodes.Interrupted"/> for SIGINT,
    /// <see cref="ExitCodes.Terminated"/> for SIGTERM, 0 when no signal came.
    /// </summary>
    public int ExitCode => Volatile.Read(ref _exitCode);

    /// <summary>Stops listening; a later signal takes the runtime's default.</summary>
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _registrations.Clear();
        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        var code = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;
        var now = Stopwatch.GetTimestamp();

        // The first signal's time is set before its exit code, so a second one always finds it.
        Interlocked.CompareExchange(ref _firstSignalAt, now, 0);
        if (Interlocked.CompareExchange(ref _exitCode, code, 0) != 0)
        {
            // The same request delivered twice is swallowed; a later signal is the user insisting, so the
            // runtime's default ends the process now.
            context.Cancel = Stopwatch.GetElapsedTime(Interlocked.Read(ref _firstSignalAt), now) < SameRequest;
            if (!context.Cancel)
            {
                Console.Error.WriteLine(InsistedLine);
            }

            return;
        }

        context.Cancel = true;
        _cancellation.Cancel();

        // A command that does not watch the token (or hangs finalising) must still end.
        _ = Task.Delay(_grace).ContinueWith(_ => Environment.Exit(code), TaskScheduler.Default);
    }
}
