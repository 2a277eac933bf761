using LiveDigits.Capture;

namespace LiveDigits.Benchmarks;

/// <summary>The shipped ONNX models the benchmarks run, by name without extension.</summary>
public static class BenchModels
{
    /// <summary>The model every ratio is taken against.</summary>
    public const string Tutorial = "tutorial-pytorch";

    /// <summary>The default network's name.</summary>
    public const string LiveDigits = "livedigits";

    /// <summary>Gets the shipped ONNX models present in <c>models/</c>, the tutorial one first.</summary>
    /// <returns>Model names.</returns>
    public static IEnumerable<string> Shipped() =>
        new[] { Tutorial, "tutorial-keras", LiveDigits, "livedigits-fast" }.Where(name => File.Exists(PathOf(name)));

    /// <summary>Gets the network the reader uses by default: livedigits when it is there, else the tutorial.</summary>
    public static string Default => File.Exists(PathOf(LiveDigits)) ? LiveDigits : Tutorial;

    /// <summary>Gets a model's file.</summary>
    /// <param name="name">The name without extension.</param>
    /// <returns>The path of <c>models/NAME.onnx</c>.</returns>
    public static string PathOf(string name) => Path.Combine(ProjectPaths.Models, name + ".onnx");
}
