namespace LiveDigits.Capture.Clips;

/// <summary>Where a written clip lives.</summary>
/// <param name="Video">The video file (MJPG .avi or mp4v .mp4).</param>
/// <param name="Truth">The ground-truth JSON file.</param>
public sealed record ClipFiles(string Video, string Truth)
{
    /// <summary>The truth file's name inside a clip folder.</summary>
    public const string TruthFileName = "truth.json";

    /// <summary>The default video file name inside a clip folder.</summary>
    public const string DefaultVideoFileName = "clip.avi";

    /// <summary>Finds the clip in <paramref name="folder"/>: its truth file and the video the truth names.</summary>
    /// <param name="folder">A folder written by <see cref="ClipWriter"/>.</param>
    /// <returns>The two paths.</returns>
    /// <exception cref="FileNotFoundException">The folder holds no truth file or no video.</exception>
    public static ClipFiles InFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var truth = Path.Combine(folder, TruthFileName);
        if (!File.Exists(truth))
        {
            throw new FileNotFoundException($"{folder}: not a clip folder (no {TruthFileName})", truth);
        }

        var video = Path.Combine(folder, ClipTruthFile.Read(truth).Video);
        if (!File.Exists(video))
        {
            throw new FileNotFoundException($"{video}: the clip's video is missing", video);
        }

        return new ClipFiles(video, truth);
    }
}
