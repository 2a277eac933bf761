using System.Diagnostics;
using System.Text;
using LiveDigits.Capture;

namespace LiveDigits.Tests.App;

/// <summary>The real <c>livedigits</c> program, started as a child process as a user would.</summary>
internal sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private AppProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The committed model the app tests read with (the default model may not be built yet).</summary>
    public static string TestModel => Path.Combine(ProjectPaths.Models, "tutorial-pytorch.onnx");

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <c>livedigits ARGS</c>; <paramref name="display"/> sets DISPLAY (null unsets it), and
    /// <paramref name="home"/> the repository it finds its models and data in (null: this one), and
    /// <paramref name="environment"/> sets further variables.
    /// </summary>
    public static AppProcess Start(
        IEnumerable<string> arguments,
        string? display = null,
        string? home = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "livedigits.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["LIVEDIGITS_HOME"] = home ?? ProjectPaths.Root;
        info.Environment.Remove("DISPLAY");
        info.Environment.Remove("WAYLAND_DISPLAY");
        if (display is not null)
        {
            info.Environment["DISPLAY"] = display;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return new AppProcess(Process.Start(info) ?? throw new InvalidOperationException("cannot start livedigits"));
    }

    /// <summary>Runs <c>livedigits ARGS</c> to the end.</summary>
    public static (int ExitCode, string Output, string Error) Run(params string[] arguments) =>
        RunWith(new Dictionary<string, string>(), arguments);

    /// <summary>Runs <c>livedigits ARGS</c> to the end with these environment variables set.</summary>
    public static (int ExitCode, string Output, string Error) RunWith(
        IReadOnlyDictionary<string, string> environment,
        params string[] arguments)
    {
        using var app = Start(arguments, environment: environment);
        var code = app.WaitForExit(TimeSpan.FromMinutes(3));
        return (code, app.Output, app.Error);
    }

    /// <summary>Sends a POSIX signal (INT, TERM) the way a terminal or a service manager would.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", $"-{name} {_process.Id}");
        kill.WaitForExit();
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"livedigits did not exit; stderr: {Error}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }
}
