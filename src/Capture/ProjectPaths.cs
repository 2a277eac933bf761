namespace LiveDigits.Capture;

/// <summary>
/// Where LiveDigits finds its bundled models and keeps downloaded data: the repository it runs from.
/// </summary>
public static class ProjectPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>
    /// Gets the repository root: <c>LIVEDIGITS_HOME</c> when set (the <c>./livedigits</c> script sets
    /// it), else the nearest folder above the program holding <c>LiveDigits.sln</c>, else the current
    /// folder.
    /// </summary>
    public static string Root => s_root.Value;

    /// <summary>Gets the folder of the shipped models.</summary>
    public static string Models => Path.Combine(Root, "models");

    /// <summary>Gets the git-ignored folder for downloaded data such as MNIST.</summary>
    public static string Data => Path.Combine(Root, "data");

    /// <summary>Gets the default network, used when no <c>--model</c> is given.</summary>
    public static string DefaultModel => Path.Combine(Models, "livedigits.onnx");

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("LIVEDIGITS_HOME");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LiveDigits.sln")))
            {
                return folder.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
