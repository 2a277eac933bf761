using LiveDigits.Pipeline.Classification;
using LiveDigits.Pipeline.Normalisation;
using LiveDigits.Pipeline.Segmentation;
using OpenCvSharp;

namespace LiveDigits.Pipeline.Reader;

/// <summary>
/// Decides, by what the network reads, which of the segmenter's hypotheses are the frame's digits: pieces
/// merged into one digit or left apart, candidates binarised again at their own level, and candidates kept
/// whole or cut into two touching digits.
/// </summary>
/// <remarks>
/// Segmentation by recognition, as OCR engines have long done it: the ink alone cannot tell a broken 9 from
/// a 0 above a 1, or a 72 written close from a wide 0, but the network can. A hypothesis scores the
/// probability of its digit (zero when the network says "not a digit"); a merge replaces its pieces when it
/// scores at least as well as the weakest of them, a refused candidate's ink cut at its own level replaces it
/// when read surely, and a cut replaces a candidate the network refused when both halves are accepted.
/// Everything is classified in three batches: the candidates with the merges, the refused candidates cut
/// again, then the halves of the refused wide candidates.
/// </remarks>
internal sealed class CandidateChooser(
    ICandidateNormaliser normaliser,
    ICandidateClassifier classifier,
    double acceptThreshold,
    double sureThreshold,
    int maxCandidates)
{
    // Cuts tried per refused candidate, and refused candidates cut per frame; both bound the second batch.
    private const int CutsPerCandidate = 3;
    private const int MaxCutCandidates = 16;

    // Rounds of cutting: a blob of up to this many touching digits plus one can be taken apart.
    private const int MaxCutRounds = 2;

    // A merge may be at most this much taller than the tallest digit read beside it on its line.
    private const double MaxHeightOverLine = 1.5;

    /// <summary>Chooses the frame's candidates.</summary>
    /// <param name="segmentation">The frame's segmentation; only read.</param>
    /// <returns>The choice, owned by the caller.</returns>
    public CandidateChoice Choose(FrameSegmentation segmentation)
    {
        var choice = new CandidateChoice();
        try
        {
            var candidates = Strongest(segmentation.Candidates);
            choice.Unclassified.AddRange(segmentation.Candidates
                .Where((_, i) => !candidates.ContainsKey(i))
                .Select(c => c.Box));
            choice.Unclassified.AddRange(segmentation.Dropped);
            var merges = segmentation.Merges
                .Where(m => m.Replaces.All(candidates.ContainsKey))
                .ToList();
            var inputs = Normalise(choice, [.. candidates.Values, .. merges.Select(m => m.Candidate)]);
            var predictions = classifier.Classify(inputs);

            var kept = Merge(candidates, merges, inputs, predictions);
            if (segmentation.Paper is { } paper)
            {
                Tighten(choice, kept, paper);
            }

            Cut(choice, kept);
            choice.Classified += inputs.Count;
            return choice;
        }
        catch
        {
            choice.Dispose();
            throw;
        }
    }

    private static double Score(DigitPrediction prediction) => prediction.IsDigit ? prediction.Confidence : 0;

    private Dictionary<int, DigitCandidate> Strongest(IReadOnlyList<DigitCandidate> candidates)
    {
        var kept = CandidateCap.Kept([.. candidates.Select(c => c.Box)], maxCandidates);
        return Enumerable.Range(0, candidates.Count).Where(i => kept[i]).ToDictionary(i => i, i => candidates[i]);
    }

    private List<Mat> Normalise(CandidateChoice choice, IEnumerable<DigitCandidate> candidates) =>
        [.. normaliser.NormaliseAll([.. candidates.Select(c => c.Ink)]).Select(choice.Own)];

    private List<(DigitCandidate Candidate, DigitPrediction Prediction, Mat Input)> Merge(
        Dictionary<int, DigitCandidate> candidates,
        List<CandidateMerge> merges,
        List<Mat> inputs,
        IReadOnlyList<DigitPrediction> predictions)
    {
        var order = candidates.Keys.ToList();
        var ofCandidate = order.Select((index, i) => (index, i)).ToDictionary(p => p.index, p => p.i);
        var replaced = new HashSet<int>();
        var kept = new List<(DigitCandidate, DigitPrediction, Mat)>();
        var byScore = merges
            .Select((merge, i) => (Merge: merge, At: order.Count + i))
            .OrderByDescending(m => Score(predictions[m.At]));
        foreach (var (merge, at) in byScore)
        {
            var score = Score(predictions[at]);
            var weakest = merge.Replaces.Select(r => Score(predictions[ofCandidate[r]])).DefaultIfEmpty(0).Min();
            var clashes = merge.Replaces.Any(replaced.Contains)
                || kept.Any(k => Overlap(k.Item1.Box, merge.Candidate.Box) > 0.5);
            var line = order.Select(i => (i, candidates[i].Box, predictions[ofCandidate[i]]));
            var tooTall = TallerThanItsLine(merge, line);
            if (score >= acceptThreshold && score >= weakest && !clashes && !tooTall)
            {
                replaced.UnionWith(merge.Replaces);
                kept.Add((merge.Candidate, predictions[at], inputs[at]));
            }
        }

        foreach (var index in order.Where(i => !replaced.Contains(i)))
        {
            var at = ofCandidate[index];
            kept.Add((candidates[index], predictions[at], inputs[at]));
        }

        return kept;
    }

    /// <summary>Cuts refused candidates' ink again at their own level; keeps it where it is read surely.</summary>
    private void Tighten(
        CandidateChoice choice,
        List<(DigitCandidate Candidate, DigitPrediction Prediction, Mat Input)> kept,
        Mat paper)
    {
        var tighter = kept
            .Select((k, i) => (k.Candidate, k.Prediction, At: i))
            .Where(k => Score(k.Prediction) < acceptThreshold)
            .OrderByDescending(k => k.Candidate.Box.Width * k.Candidate.Box.Height)
            .Take(MaxCutCandidates)
            .Select(k => (k.At, Tight: CandidateRethreshold.Tighten(k.Candidate, paper)))
            .Where(k => k.Tight is not null)
            .Select(k => (k.At, Tight: choice.Own(k.Tight!)))
            .ToList();
        if (tighter.Count == 0)
        {
            return;
        }

        var inputs = Normalise(choice, tighter.Select(t => t.Tight).ToList());
        var predictions = classifier.Classify(inputs);
        choice.Classified += inputs.Count;
        for (var i = 0; i < tighter.Count; i++)
        {
            var at = tighter[i].At;
            // Ink cut again is one more chance for a blot to pass as a digit, so it must pass the one-frame
            // bar even where the tracker's vote decides the rest (at the vote's bar, a broken pencil 9 in a
            // ruled clip read as a 0 and a 1 for some frames).
            if (Score(predictions[i]) >= sureThreshold)
            {
                kept[at] = (tighter[i].Tight, predictions[i], inputs[i]);
            }
        }
    }

    /// <summary>
    /// Cuts refused candidates into digits the network reads. A cut whose one side is read is also tried with
    /// its other side cut again, up to <see cref="MaxCutRounds"/> times: three small digits written touching
    /// ("682") are one blob that no single cut turns into two digits, or that one cut turns into a 6 and an
    /// "82" read as a wide 2. Of all the ways tried, the one whose least sure part is surest wins; a candidate
    /// is replaced only when every part is read at least as surely as the whole.
    /// </summary>
    private void Cut(
        CandidateChoice choice,
        List<(DigitCandidate Candidate, DigitPrediction Prediction, Mat Input)> kept)
    {
        var pending = kept
            .Select((k, i) => (k.Candidate, k.Prediction, At: i))
            .Where(k => Score(k.Prediction) < acceptThreshold && k.Candidate.Box.Width >= 6)
            .OrderByDescending(k => k.Candidate.Box.Width * k.Candidate.Box.Height)
            .Take(MaxCutCandidates)
            .Select(k => new PendingCut(k.At, k.Candidate, Math.Max(acceptThreshold, Score(k.Prediction)), 1, []))
            .ToList();
        var replacements = new Dictionary<int, (double Score, List<(DigitCandidate, DigitPrediction, Mat)> Parts)>();
        for (var round = 1; round <= MaxCutRounds && pending.Count > 0; round++)
        {
            var cuts = pending.Select(p => CandidateSplitter.Cuts(p.Rest, CutsPerCandidate)).ToList();
            var parts = cuts.SelectMany(c => c)
                .SelectMany(c => new[] { choice.Own(c.Left), choice.Own(c.Right) })
                .ToList();
            if (parts.Count == 0)
            {
                break;
            }

            var inputs = Normalise(choice, parts);
            var predictions = classifier.Classify(inputs);
            choice.Classified += inputs.Count;
            (DigitCandidate, DigitPrediction, Mat) Part(int i) => (parts[i], predictions[i], inputs[i]);

            var next = new List<PendingCut>();
            var first = 0;
            foreach (var (cut, options) in pending.Zip(cuts))
            {
                var (read, readScore, rest) = (-1, cut.Bar, -1);
                for (var o = 0; o < options.Count; o++)
                {
                    var (left, right) = (first + (2 * o), first + (2 * o) + 1);
                    var (leftScore, rightScore) = (Score(predictions[left]), Score(predictions[right]));
                    var least = Math.Min(cut.Least, Math.Min(leftScore, rightScore));
                    var best = replacements.TryGetValue(cut.At, out var found) ? found.Score : -1;
                    if (least >= cut.Bar && least > best)
                    {
                        replacements[cut.At] = (least, [.. cut.Read, Part(left), Part(right)]);
                    }

                    if (Math.Max(leftScore, rightScore) >= readScore)
                    {
                        (read, readScore, rest) = leftScore >= rightScore
                            ? (left, leftScore, right)
                            : (right, rightScore, left);
                    }
                }

                if (read >= 0 && round < MaxCutRounds)
                {
                    next.Add(cut with
                    {
                        Rest = parts[rest],
                        Least = Math.Min(cut.Least, readScore),
                        Read = [.. cut.Read, Part(read)],
                    });
                }

                first += 2 * options.Count;
            }

            pending = next;
        }

        for (var i = 0; i < kept.Count; i++)
        {
            if (replacements.TryGetValue(i, out var cut))
            {
                var parts = cut.Parts.OrderBy(d => d.Item1.Box.X);
                choice.Chosen.AddRange(parts.Select(d => (d.Item1.Box, d.Item2, d.Item3)));
            }
            else
            {
                choice.Chosen.Add((kept[i].Candidate.Box, kept[i].Prediction, kept[i].Input));
            }
        }
    }

    /// <summary>
    /// Whether a merge stands much taller than the digits read beside it on its line: a small number written
    /// just above a large digit joins it into one tall 8 that the network reads surely, but writing keeps one
    /// size along a line, and a broken digit put together is as tall as its neighbours.
    /// </summary>
    private bool TallerThanItsLine(
        CandidateMerge merge,
        IEnumerable<(int Index, Rect Box, DigitPrediction Reading)> all)
    {
        var box = merge.Candidate.Box;
        var tallest = all
            .Where(c => !merge.Replaces.Contains(c.Index) && Score(c.Reading) >= acceptThreshold)
            .Where(c => (Math.Min(box.Bottom, c.Box.Bottom) - Math.Max(box.Top, c.Box.Top)) >= 0.5 * c.Box.Height)
            .Where(c => Math.Max(box.X, c.Box.X) - Math.Min(box.Right, c.Box.Right) <= 1.5 * c.Box.Height)
            .Where(c => (c.Box & box).Width * (c.Box & box).Height < 0.5 * c.Box.Width * c.Box.Height)
            .Select(c => c.Box.Height)
            .DefaultIfEmpty(int.MaxValue)
            .Max();
        return box.Height > MaxHeightOverLine * tallest;
    }

    private static double Overlap(Rect a, Rect b)
    {
        var inter = a & b;
        return inter.Width <= 0 || inter.Height <= 0
            ? 0
            : (double)(inter.Width * inter.Height) / Math.Min(a.Width * a.Height, b.Width * b.Height);
    }

    /// <summary>A refused candidate being cut: the parts read so far and the rest still to cut.</summary>
    /// <param name="At">The candidate's position among the kept ones.</param>
    /// <param name="Rest">The ink not yet read.</param>
    /// <param name="Bar">The score every part must reach: the accept threshold, or the whole's own if higher.</param>
    /// <param name="Least">The score of the least sure part read so far (1 before any).</param>
    /// <param name="Read">The parts read so far.</param>
    private sealed record PendingCut(
        int At,
        DigitCandidate Rest,
        double Bar,
        double Least,
        List<(DigitCandidate Candidate, DigitPrediction Prediction, Mat Input)> Read);
}
