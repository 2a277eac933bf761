using Microsoft.Extensions.Logging;

namespace LiveDigits.Tests;

/// <summary>A logger that keeps every formatted message, so a test can assert what was reported.</summary>
internal class ListLogger : ILogger
{
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add((logLevel, formatter(state, exception)));
        }
    }
}

/// <summary>A <see cref="ListLogger"/> for an API that asks for <c>ILogger&lt;T&gt;</c>.</summary>
internal sealed class ListLogger<T> : ListLogger, ILogger<T>;
