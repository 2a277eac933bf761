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
        // -displayfd makes Xvfb pick a free display number itself, under its own lock, and print it once
        // it accepts connections. Choosing the number here instead raced with tests starting sessions in
        // parallel: a second server could see its number taken and exit while the readiness probe
        // reached the first one, and both tests then shared (and killed) one display.
        var server = Spawn("Xvfb", null, "-displayfd", "1", "-screen", "0", $"{width}x{height}x24", "-nolisten", "tcp");
        var announced = server.StandardOutput.ReadLineAsync();
        if (!announced.Wait(s_startTimeout) || !int.TryParse(announced.Result, out var number))
        {
            Stop(server);
            throw new InvalidOperationException("Xvfb did not start (is it installed? ./test.sh installs it)");
        }

        DrainOutput(server, standardOutput: false);
        var session = new XvfbSession(server, $":{number}");
        try
        {
            session.StartWindowManager();
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
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
        // openbox announces itself on the root window once it manages windows.
        var managing = () => TryTool("xprop", "-root", "_NET_SUPPORTING_WM_CHECK")
            ?.Contains("window id", StringComparison.Ordinal) == true;

        // On a busy machine openbox has been seen to exit at once on a fresh display (a clean-clone run
        // under load, not reproduced alone); a second or third start has always worked, so it is retried.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Stop(_windowManager);
            _windowManager = SpawnDaemon("openbox", Display);
            if (WaitUntil(managing, _windowManager))
            {
                return;
            }

            Thread.Sleep(500 * attempt);
        }

        throw new InvalidOperationException($"openbox did not start on {Display} after 3 attempts");
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

    private static Process SpawnDaemon(string file, string? display, params string[] args)
    {
        var process = Spawn(file, display, args);
        DrainOutput(process, standardOutput: true);
        return process;
    }

    private static void DrainOutput(Process process, bool standardOutput)
    {
        // Read and dropped: an unread pipe fills up and would block the server.
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        if (standardOutput)
        {
            process.OutputDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
        }
        else
        {
            _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        }
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
