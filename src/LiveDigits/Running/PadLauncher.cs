using LiveDigits.Capture;
using LiveDigits.Overlay.Pad;
using LiveDigits.Pipeline.Classification;
using Microsoft.Extensions.Logging;

namespace LiveDigits.App.Running;

/// <summary>
/// Opens the drawing pad from the live window (key p). The pad's network is loaded on first use, from the
/// run's model, and kept for the next visit; the reader's own network stays on the reader's thread.
/// </summary>
public sealed class PadLauncher : IDisposable
{
    private readonly string _modelPath;
    private readonly ILoggerFactory _logging;
    private readonly CancellationToken _cancellation;
    private DigitClassifier? _classifier;

    /// <summary>Prepares the launcher; nothing is loaded yet.</summary>
    /// <param name="modelPath">The run's model; null for the default.</param>
    /// <param name="logging">Creates the loggers.</param>
    /// <param name="cancellation">Closes the pad when the run stops.</param>
    public PadLauncher(string? modelPath, ILoggerFactory logging, CancellationToken cancellation)
    {
        _modelPath = modelPath ?? ProjectPaths.DefaultModel;
        _logging = logging;
        _cancellation = cancellation;
    }

    /// <summary>Runs the pad on the calling (UI) thread until the user leaves it.</summary>
    /// <returns>How the user left: back to the camera, or quit.</returns>
    public PadExit Run()
    {
        var logger = _logging.CreateLogger<PadLauncher>();
        _classifier ??= DigitClassifier.Load(_modelPath, _logging.CreateLogger<DigitClassifier>());
        var reader = new PadReader(_classifier, PadCanvas.DefaultStrokeWidth);
        return PadMode.Run(reader, fromCamera: true, Console.Out, logger, _cancellation);
    }

    /// <summary>Releases the pad's network.</summary>
    public void Dispose() => _classifier?.Dispose();
}
