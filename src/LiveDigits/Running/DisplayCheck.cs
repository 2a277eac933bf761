using LiveDigits.App.Hosting;

namespace LiveDigits.App.Running;

/// <summary>Tells whether a window can be shown here.</summary>
public static class DisplayCheck
{
    /// <summary>Gets whether a display is there: always on Windows and macOS; on Linux, an X or Wayland display.</summary>
    public static bool HasDisplay =>
        !OperatingSystem.IsLinux()
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"));

    /// <summary>Fails when a window is wanted but cannot be shown.</summary>
    /// <param name="showWindow">Whether the command will open a window.</param>
    /// <exception cref="UsageException">No display; the message says to use --no-window.</exception>
    public static void RequireFor(bool showWindow)
    {
        if (showWindow && !HasDisplay)
        {
            throw new UsageException("no display to show the window on (DISPLAY is not set); use --no-window");
        }
    }
}
