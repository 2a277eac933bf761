using LiveDigits.Overlay;

namespace LiveDigits.App.Running;

/// <summary>
/// Turns "no display" into an unusable-device error (exit 3, as the README's table and the pad say) for the
/// reading commands, before any window call.
/// </summary>
public static class DisplayCheck
{
    /// <summary>Fails when a window is wanted but cannot be shown.</summary>
    /// <param name="showWindow">Whether the command will open a window.</param>
    /// <exception cref="DisplayUnavailableException">
    /// No display; the message says why and to use --no-window.
    /// </exception>
    public static void RequireFor(bool showWindow)
    {
        // OpenCV's GTK back end aborts the process when it cannot reach the display, so this comes first.
        if (showWindow && Overlay.DisplayCheck.WhyNoDisplay() is { } reason)
        {
            throw new DisplayUnavailableException($"no display to show the window on ({reason}); use --no-window");
        }
    }
}
