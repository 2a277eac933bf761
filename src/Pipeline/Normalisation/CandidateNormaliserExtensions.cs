using System.Runtime.ExceptionServices;
using OpenCvSharp;

namespace LiveDigits.Pipeline.Normalisation;

/// <summary>Normalises a frame's candidates on every core.</summary>
public static class CandidateNormaliserExtensions
{
    // Below this many candidates the hand-off to a second thread costs about what it saves (a candidate
    // takes 50-100 µs of CPU).
    private const int MinParallel = 4;

    /// <summary>Normalises several candidates, in parallel where there are enough of them.</summary>
    /// <param name="normaliser">The normaliser; it must be thread-safe, as both shipped ones are.</param>
    /// <param name="inks">The candidates' ink, each only read.</param>
    /// <returns>One 28x28 image per candidate, in the order given, owned by the caller.</returns>
    /// <remarks>
    /// Each image is the one <see cref="ICandidateNormaliser.Normalise"/> gives for that candidate alone: the
    /// candidates share nothing, so only the time changes. Normalisation is about a third of a frame's CPU
    /// time (docs/PERFORMANCE.md), and the reader's own thread would otherwise leave the second core idle
    /// while it runs. If any candidate fails, the images already made are released and the error thrown.
    /// </remarks>
    public static List<Mat> NormaliseAll(this ICandidateNormaliser normaliser, IReadOnlyList<Mat> inks)
    {
        ArgumentNullException.ThrowIfNull(normaliser);
        ArgumentNullException.ThrowIfNull(inks);

        var images = new Mat?[inks.Count];
        try
        {
            if (inks.Count < MinParallel)
            {
                for (var i = 0; i < inks.Count; i++)
                {
                    images[i] = normaliser.Normalise(inks[i]);
                }
            }
            else
            {
                Parallel.For(0, inks.Count, i => images[i] = normaliser.Normalise(inks[i]));
            }
        }
        catch (Exception error)
        {
            foreach (var image in images)
            {
                image?.Dispose();
            }

            // The caller gets the normaliser's own error, as from a loop on one thread, not Parallel's wrapper.
            if (error is AggregateException aggregate)
            {
                ExceptionDispatchInfo.Throw(aggregate.InnerExceptions[0]);
            }

            throw;
        }

        return [.. images.Select(image => image!)];
    }
}
