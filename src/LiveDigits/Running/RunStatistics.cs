using System.Diagnostics;
using LiveDigits.Pipeline.Readings;

namespace LiveDigits.App.Running;

/// <summary>What a run read, gathered frame by frame for the status line and the closing summary.</summary>
/// <remarks>Updated on the pipeline's worker; read from elsewhere only after the run ends.</remarks>
public sealed class RunStatistics
{
    // Weight of the newest frame in the status line's frame rate: smooth, yet current within a second.
    private const double FpsSmoothing = 0.1;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly HashSet<long> _tracks = [];
    private readonly List<string> _numbers = [];
    private TimeSpan _lastFrameAt;
    private double _fps;

    /// <summary>Gets how many frames were processed.</summary>
    public long Frames { get; private set; }

    /// <summary>Gets how many digit readings were made, over all frames.</summary>
    public long DigitReadings { get; private set; }

    /// <summary>Gets how many distinct tracked digits were seen.</summary>
    public int Tracks => _tracks.Count;

    /// <summary>Gets the distinct number values read, in the order first seen.</summary>
    public IReadOnlyList<string> Numbers => _numbers;

    /// <summary>Gets the time since the run started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Gets the recent frame rate.</summary>
    public double RecentFps => _fps;

    /// <summary>Counts one frame's readings.</summary>
    /// <param name="readings">The frame's readings.</param>
    public void Add(FrameReadings readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var now = _clock.Elapsed;
        var interval = (now - _lastFrameAt).TotalSeconds;
        _lastFrameAt = now;
        if (Frames > 0 && interval > 0)
        {
            _fps = _fps == 0 ? 1 / interval : ((1 - FpsSmoothing) * _fps) + (FpsSmoothing / interval);
        }

        Frames++;
        DigitReadings += readings.Digits.Count;
        foreach (var digit in readings.Digits)
        {
            if (digit.Track is { } track)
            {
                _tracks.Add(track);
            }
        }

        foreach (var number in readings.Numbers)
        {
            if (!_numbers.Contains(number.Value))
            {
                _numbers.Add(number.Value);
            }
        }
    }
}
