using System.Diagnostics;
using LiveDigits.Capture;

namespace LiveDigits.Tests.Cli;

/// <summary>
/// Runs the real <c>livedigits</c> program (the build copied next to the tests) as a child process, so
/// tests see exactly what a user sees: exit code, standard output, standard error.
/// </summary>
internal sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    private AppProcess(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    /// <summary>Starts <c>livedigits ARGS</c>; <paramref name="environment"/> entries with a null value are removed.</summary>
    public static AppProcess Start(IEnumerable<string> args, IDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = ProjectPaths.Root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "livedigits.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["LIVEDIGITS_HOME"] = ProjectPaths.Root;
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Runs to the end and returns what the user would have seen.</summary>
    public static AppResult Run(params string[] args) => Run(args, null);

    public static AppResult Run(IEnumerable<string> args, IDictionary<string, string?>? environment)
    {
        using var app = Start(args, environment);
        return app.WaitForExit(TimeSpan.FromMinutes(5));
    }

    public AppResult WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"livedigits did not exit within {timeout}");
        }

        return new AppResult(_process.ExitCode, _output.Result, _error.Result);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}

/// <summary>What a run of the program left behind.</summary>
internal sealed record AppResult(int ExitCode, string Output, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
