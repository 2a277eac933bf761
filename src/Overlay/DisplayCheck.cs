using System.Runtime.InteropServices;

namespace LiveDigits.Overlay;

/// <summary>
/// Tells whether a window can be opened, before any HighGUI call: OpenCV's GTK back end aborts the
/// whole process when GTK cannot start, so the check must come first.
/// </summary>
public static class DisplayCheck
{
    private static readonly string[] s_x11Names = ["libX11.so.6", "libX11.so"];

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr XOpenDisplay(IntPtr name);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int XCloseDisplay(IntPtr display);

    /// <summary>Fails with a one-line explanation when no window can be opened.</summary>
    /// <param name="what">What needs the window, starting the message, such as "the pad".</param>
    /// <exception cref="DisplayUnavailableException">No usable display.</exception>
    public static void EnsureAvailable(string what)
    {
        if (WhyNoDisplay() is { } reason)
        {
            throw new DisplayUnavailableException(
                $"{what} needs a display ({reason}); run it on a desktop, with ssh -X, or under Xvfb");
        }
    }

    /// <summary>Explains why no window can be opened, or returns null when one can.</summary>
    /// <returns>
    /// A reason such as <c>DISPLAY is not set</c> or <c>cannot connect to display :5</c>; null on
    /// Windows and macOS, where there is always a desktop to draw on.
    /// </returns>
    public static string? WhyNoDisplay()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsFreeBSD())
        {
            return null;
        }

        var display = Environment.GetEnvironmentVariable("DISPLAY");
        if (string.IsNullOrWhiteSpace(display))
        {
            return "DISPLAY is not set";
        }

        return CanConnect(display) switch
        {
            true => null,
            false => $"cannot connect to display {display}",
            null => null,
        };
    }

    /// <summary>
    /// Opens and closes an X connection the way GTK will. Null when libX11 cannot be loaded: then GTK
    /// cannot use X either, but the library may live elsewhere, so the window call decides.
    /// </summary>
    private static bool? CanConnect(string display)
    {
        IntPtr library = IntPtr.Zero;
        foreach (var name in s_x11Names)
        {
            if (NativeLibrary.TryLoad(name, out library))
            {
                break;
            }
        }

        if (library == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            var open = Marshal.GetDelegateForFunctionPointer<XOpenDisplay>(
                NativeLibrary.GetExport(library, "XOpenDisplay"));
            var close = Marshal.GetDelegateForFunctionPointer<XCloseDisplay>(
                NativeLibrary.GetExport(library, "XCloseDisplay"));
            var name = Marshal.StringToCoTaskMemUTF8(display);
            try
            {
                var connection = open(name);
                if (connection == IntPtr.Zero)
                {
                    return false;
                }

                close(connection);
                return true;
            }
            finally
            {
                Marshal.FreeCoTaskMem(name);
            }
        }
        finally
        {
            NativeLibrary.Free(library);
        }
    }
}
