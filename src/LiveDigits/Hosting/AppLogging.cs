using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace LiveDigits.App.Hosting;

/// <summary>Creates the app's loggers: single lines on standard error, so standard output stays data.</summary>
public static class AppLogging
{
    /// <summary>Creates a logger factory at <paramref name="level"/>.</summary>
    /// <param name="level">The least severe level written.</param>
    /// <returns>A factory the caller disposes (disposing flushes the console logger).</returns>
    public static ILoggerFactory Create(LogLevel level) => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(level)
        .AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
        })
        .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace));
}
