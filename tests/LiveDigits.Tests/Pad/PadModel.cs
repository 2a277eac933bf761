using LiveDigits.Capture;

namespace LiveDigits.Tests.Pad;

/// <summary>
/// The network the pad tests read with: the default model once it ships, else the PyTorch tutorial one.
/// </summary>
internal static class PadModel
{
    public static string Path => File.Exists(ProjectPaths.DefaultModel)
        ? ProjectPaths.DefaultModel
        : System.IO.Path.Combine(ProjectPaths.Models, "tutorial-pytorch.onnx");

    /// <summary>The network the original tutorial pad used: MNIST only, no camera-style augmentation.</summary>
    public static string Tutorial => System.IO.Path.Combine(ProjectPaths.Models, "tutorial-pytorch.onnx");
}
