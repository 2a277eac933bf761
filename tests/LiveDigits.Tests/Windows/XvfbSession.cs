using System.Diagnostics;
using System.Globalization;

namespace LiveDigits.Tests.Windows;

/// <summary>
/// A private X display for window tests: Xvfb on a free display number with the openbox window manager
/// (without one, windows get no keyboard focus and key presses go nowhere). Both are killed on Dispose.
/// </summary>
/// <remarks>
/// Needs Xvfb, openbox, and for <see cref="Tool"/> xdotool, ImageMagick and x11-utils; <c>test.sh</c>
/// installs them. Usage: <c>using var x = XvfbSession.Start();</c> then run the program under test with
/// <c>DISPLAY=x.Display</c> and drive it with <c>x.Tool("xdotool", ...)</c>.
/// </remarks>
internal sealed class XvfbSession : IDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(20);
    private readonly Process _server;
    private Process? _windowManager;

    private XvfbSession(Process server, string display)
    {
        _server = server;
        Display = display;
    }

    /// <summary>Gets the display name to put in <c>DISPLAY</c>, such as <c>:71</c>.</summary>
    public string Display { get; }

    /// <summary>Starts Xvfb and openbox and waits until both answer.</summary>
    /// <param name="width">The screen width.</param>
    /// <param name="height">The screen height.</param>
    /// <returns>The running session.</returns>
    public static XvfbSession Start(int width = 1280, int height = 1024)
    {
        // Another test run (or another engineer's) may hold a number; Xvfb exits at once when it is taken,
        // so a few candidates are tried.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var number = FreeDisplayNumber();
            var server = SpawnDaemon(
                "Xvfb", null, $":{number}", "-screen", "0", $"{width}x{height}x24", "-nolisten", "tcp");
            var session = new XvfbSession(server, $":{number}");
            if (WaitUntil(() => session.TryTool("xdpyinfo") is not null, server))
            {
                session.StartWindowManager();
                return session;
            }

            session.Dispose();
        }

        throw new InvalidOperationException("Xvfb did not start on any of 5 display numbers");
    }

    /// <summary>Runs an X tool on this display and returns its standard output.</summary>
    /// <param name="tool">The program, such as <c>xdotool</c> or <c>import</c>.</param>
    /// <param name="args">Its arguments.</param>
    /// <returns>Standard output, trimmed.</returns>
    /// <exception cref="InvalidOperationException">The tool failed; the message has its standard error.</exception>
    public string Tool(string tool, params string[] args) =>
        TryTool(tool, args, out var error)
            ?? throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed: {error}");

    /// <summary>Runs an X tool, returning null when it fails (nothing found, window gone).</summary>
    /// <param name="tool">The program.</param>
    /// <param name="args">Its arguments.</param>
    /// <returns>Standard output, trimmed, or null.</returns>
    public string? TryTool(string tool, params string[] args) => TryTool(tool, args, out _);

    /// <summary>Kills openbox and Xvfb and waits for both to exit.</summary>
    public void Dispose()
    {
        Stop(_windowManager);
        Stop(_server);
    }

    private string? TryTool(string tool, string[] args, out string error)
    {
        using var process = Spawn(tool, Display, args);
        var output = process.StandardOutput.ReadToEndAsync();
        error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            error = "timed out";
            return null;
        }

        return process.ExitCode == 0 ? output.Result.Trim() : null;
    }

    private void StartWindowManager()
    {
        _windowManager = SpawnDaemon("openbox", Display);

        // openbox announces itself on the root window once it manages windows.
        var managing = () => TryTool("xprop", "-root", "_NET_SUPPORTING_WM_CHECK")
            ?.Contains("window id", StringComparison.Ordinal) == true;
        if (!WaitUntil(managing, _windowManager))
        {
            throw new InvalidOperationException($"openbox did not start on {Display}");
        }
    }

    private static bool WaitUntil(Func<bool> ready, Process process)
    {
        var deadline = DateTime.UtcNow + s_startTimeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (ready())
            {
                return true;
            }

            Thread.Sleep(100);
        }

        return false;
    }

    private static int FreeDisplayNumber()
    {
        // Starts from a number derived from the process id, so parallel runs rarely collide.
        var start = 50 + (Environment.ProcessId % 400);
        for (var number = start; number < start + 200; number++)
        {
            if (!File.Exists($"/tmp/.X{number}-lock") && !File.Exists($"/tmp/.X11-unix/X{number}"))
            {
                return number;
            }
        }

        throw new InvalidOperationException("No free X display number found");
    }

    private static Process SpawnDaemon(string file, string? display, params string[] args)
    {
        // Its output is read and dropped: an unread pipe fills up and would block the server.
        var process = Spawn(file, display, args);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static Process Spawn(string file, string? display, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (display is not null)
        {
            start.Environment["DISPLAY"] = display;
        }

        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{file} is not installed (./test.sh installs it): {e.Message}", e);
        }
    }

    private static void Stop(Process? process)
    {
        if (process is null)
        {
            return;
        }

        // SIGTERM first: Xvfb then removes its lock file and socket, which a kill would leave behind to
        // block that display number.
        if (!process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            term.WaitForExit();
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        process.Dispose();
    }
}
