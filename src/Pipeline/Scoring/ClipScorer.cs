using LiveDigits.Capture.Clips;
using LiveDigits.Pipeline.Readings;

namespace LiveDigits.Pipeline.Scoring;

/// <summary>Scores a reader's JSON Lines output against a generated clip's truth (see docs/CLIPS.md).</summary>
/// <remarks>
/// Per frame, predicted digit boxes are paired with true ones by <see cref="BoxMatcher"/>. A prediction
/// paired with an ignored digit (mostly out of view or under the hand) counts for nothing; an unpaired
/// prediction is a false digit. Numbers are paired the same way among themselves, and one is right when
/// its value is equal too. A frame with no output line counts as a frame where nothing was read.
/// </remarks>
public static class ClipScorer
{
    /// <summary>Scores <paramref name="output"/> against <paramref name="truth"/>.</summary>
    /// <param name="truth">The clip's truth.</param>
    /// <param name="output">The reader's lines, one per frame, in any order.</param>
    /// <returns>The counts and figures.</returns>
    public static ClipScore Score(ClipTruth truth, IReadOnlyList<FrameReadings> output)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(output);
        var byFrame = new Dictionary<long, FrameReadings>();
        foreach (var line in output)
        {
            // A frame written twice is scored once, on its first line.
            byFrame.TryAdd(line.Frame, line);
        }

        var tally = new Tally();
        foreach (var frame in truth.Frames)
        {
            if (!byFrame.TryGetValue(frame.Frame, out var read))
            {
                tally.FramesWithoutOutput++;
            }

            ScoreDigits(frame, read?.Digits ?? [], tally);
            ScoreNumbers(frame, read?.Numbers ?? [], tally);
        }

        var inClip = truth.Frames.Select(f => (long)f.Frame).ToHashSet();
        return new ClipScore(
            truth.Frames.Count,
            tally.TruthDigits,
            tally.PredictedDigits,
            tally.DetectedDigits,
            tally.CorrectDigits,
            tally.TruthNumbers,
            tally.CorrectNumbers,
            tally.FramesWithoutOutput,
            byFrame.Keys.Count(k => !inClip.Contains(k)));
    }

    private static void ScoreDigits(ClipFrameTruth frame, IReadOnlyList<DigitReading> read, Tally tally)
    {
        var pairing = BoxMatcher.Pair(frame.Digits.Select(d => d.Box).ToArray(), read.Select(d => d.Box).ToArray());
        var onIgnored = 0;
        for (var t = 0; t < frame.Digits.Count; t++)
        {
            var truth = frame.Digits[t];
            var p = pairing[t];
            if (truth.Ignore)
            {
                onIgnored += p >= 0 ? 1 : 0;
                continue;
            }

            tally.TruthDigits++;
            if (p >= 0)
            {
                tally.DetectedDigits++;
                tally.CorrectDigits += read[p].Digit == truth.Digit ? 1 : 0;
            }
        }

        tally.PredictedDigits += read.Count - onIgnored;
    }

    private static void ScoreNumbers(ClipFrameTruth frame, IReadOnlyList<NumberReading> read, Tally tally)
    {
        var boxes = frame.Numbers.Select(n => n.Box).ToArray();
        var pairing = BoxMatcher.Pair(boxes, read.Select(n => n.Box).ToArray());
        for (var t = 0; t < frame.Numbers.Count; t++)
        {
            var truth = frame.Numbers[t];
            if (truth.Ignore)
            {
                continue;
            }

            tally.TruthNumbers++;
            var p = pairing[t];
            var right = p >= 0 && string.Equals(read[p].Value, truth.Value, StringComparison.Ordinal);
            tally.CorrectNumbers += right ? 1 : 0;
        }
    }

    private sealed class Tally
    {
        public int TruthDigits { get; set; }

        public int PredictedDigits { get; set; }

        public int DetectedDigits { get; set; }

        public int CorrectDigits { get; set; }

        public int TruthNumbers { get; set; }

        public int CorrectNumbers { get; set; }

        public int FramesWithoutOutput { get; set; }
    }
}
