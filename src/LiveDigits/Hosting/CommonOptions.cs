using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace LiveDigits.App.Hosting;

/// <summary>Options shared by several commands, declared once.</summary>
public static class CommonOptions
{
    /// <summary>Gets <c>--log-level</c>: how much goes to standard error.</summary>
    public static Option<LogLevel> LogLevel { get; } = new("--log-level")
    {
        Description = "Least severe log messages shown on standard error (Trace, Debug, Information, Warning, Error).",
        DefaultValueFactory = _ => Microsoft.Extensions.Logging.LogLevel.Information,
        Recursive = true,
    };

    /// <summary>Creates a <c>--model</c> option; each command owns its instance.</summary>
    /// <param name="description">What the model is used for by that command.</param>
    /// <returns>The option.</returns>
    public static Option<string?> Model(string description) => new("--model")
    {
        Description = description,
        HelpName = "FILE",
    };
}
