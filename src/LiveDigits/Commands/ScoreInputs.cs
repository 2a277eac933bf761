using System.Globalization;
using LiveDigits.App.Hosting;
using LiveDigits.Capture.Clips;
using LiveDigits.Pipeline.Readings;

namespace LiveDigits.App.Commands;

/// <summary>
/// The checks <c>score</c> makes before it scores: options that mean nothing in the chosen mode, and JSON Lines
/// that cannot come from the clip the truth describes. A mismatch would otherwise give a plausible-looking
/// score of nearly nothing, which reads as a bad reader rather than a wrong file.
/// </summary>
internal static class ScoreInputs
{
    // A reader's timeMs is the frame index over the file's fps (VideoFileCursor). A quarter of a frame is far
    // more than rounding or a container's inexact rate, and a clip at another rate drifts past it by frame 2.
    private const double TimeToleranceFrames = 0.25;

    /// <summary>Refuses options that only apply to the other mode.</summary>
    /// <returns>True when the run is on a clip (<paramref name="clip"/> is given).</returns>
    public static bool CheckMode(string? clip, string? truth, string? output, bool baselines, string? saveTo)
    {
        if (clip is null)
        {
            if (baselines)
            {
                throw new UsageException("--baselines needs --clip DIR: it runs the baseline methods on the clip");
            }

            if (saveTo is not null)
            {
                throw new UsageException($"--save-jsonl {saveTo} needs --clip DIR: without it no reader runs");
            }

            return false;
        }

        if (truth is not null || output is not null)
        {
            throw new UsageException(
                $"--clip {clip} reads the clip's own truth.json and runs the reader itself; " +
                $"give either TRUTH and OUTPUT or --clip DIR, not {truth ?? output} as well");
        }

        return true;
    }

    /// <summary>
    /// Checks that every line fits the clip the truth describes: frame index, time and boxes. Another clip of
    /// the same length, size and rate cannot be told apart this way (the JSON Lines do not name their video).
    /// </summary>
    public static void CheckSameClip(
        ClipTruth truth, string truthPath, IReadOnlyList<FrameReadings> lines, string outputPath)
    {
        var c = CultureInfo.InvariantCulture;
        var clip = string.Create(
            c,
            $"the clip of {truthPath} ({truth.FrameCount} frames, {truth.Width}x{truth.Height}, {truth.Fps:0.##} fps)");
        foreach (var line in lines)
        {
            var problem = Mismatch(truth, line);
            if (problem is not null)
            {
                throw new InvalidDataException(
                    $"{outputPath}: frame {line.Frame.ToString(c)} {problem}, so it was not read from {clip}");
            }
        }
    }

    private static string? Mismatch(ClipTruth truth, FrameReadings line)
    {
        var c = CultureInfo.InvariantCulture;
        if (line.Frame < 0 || line.Frame >= truth.FrameCount)
        {
            return "is outside the clip";
        }

        var expectedMs = line.Frame * 1000.0 / truth.Fps;
        if (Math.Abs(line.TimeMs - expectedMs) > TimeToleranceFrames * 1000.0 / truth.Fps)
        {
            return string.Create(c, $"is at {line.TimeMs:0.#} ms, not {expectedMs:0.#} ms");
        }

        var outside = line.Digits.Select(d => d.Box).Concat(line.Numbers.Select(n => n.Box))
            .FirstOrDefault(b => b.X < 0 || b.Y < 0 || b.Right > truth.Width || b.Bottom > truth.Height);
        return outside.Width > 0
            ? string.Create(
                c, $"has a box [{outside.X}, {outside.Y}, {outside.Width}, {outside.Height}] outside the frame")
            : null;
    }
}
