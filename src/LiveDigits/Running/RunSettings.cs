using LiveDigits.Pipeline.Classification;

namespace LiveDigits.App.Running;

/// <summary>How one reading run is set up: the model, the outputs, and how it is shown.</summary>
public sealed record RunSettings
{
    /// <summary>Gets the model file; null for the default model.</summary>
    public string? ModelPath { get; init; }

    /// <summary>Gets what runs the network.</summary>
    public ClassifierEngine Engine { get; init; } = ClassifierEngine.OpenCvDnn;

    /// <summary>Gets the annotated video to write; null for none.</summary>
    public string? RecordPath { get; init; }

    /// <summary>Gets the JSON Lines file to write; null for none.</summary>
    public string? JsonlPath { get; init; }

    /// <summary>Gets whether a window shows the annotated frames.</summary>
    public bool ShowWindow { get; init; }

    /// <summary>Gets whether a progress bar goes to standard error while no window is shown.</summary>
    public bool ShowProgress { get; init; }

    /// <summary>Gets how many frames the source holds, for the progress bar; null when unknown (a camera).</summary>
    public long? ExpectedFrames { get; init; }

    /// <summary>Gets the recording's frame size; null takes the first frame's (a stream's frames share one).</summary>
    public OpenCvSharp.Size? RecordFrameSize { get; init; }

    /// <summary>Gets the frame rate written into the recording.</summary>
    public double RecordFps { get; init; } = 30;

    /// <summary>Gets whether the frames are one stream (tracking on) rather than unrelated images.</summary>
    public bool IsStream { get; init; } = true;
}
