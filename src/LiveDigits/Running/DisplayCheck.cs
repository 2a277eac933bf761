using LiveDigits.App.Hosting;

namespace LiveDigits.App.Running;

/// <summary>Turns "no display" into a usage error for the reading commands, before any window call.</summary>
public static class DisplayCheck
{
    /// <summary>Fails when a window is wanted but cannot be shown.</summary>
    /// <param name="showWindow">Whether the command will open a window.</param>
    /// <exception cref="UsageException">No display; the message says why and to use --no-window.</exception>
    public static void RequireFor(bool showWindow)
    {
        // OpenCV's GTK back end aborts the process when it cannot reach the display, so this comes first.
        if (showWindow && Overlay.DisplayCheck.WhyNoDisplay() is { } reason)
        {
            throw new UsageException($"no display to show the window on ({reason}); use --no-window");
        }
    }
}
