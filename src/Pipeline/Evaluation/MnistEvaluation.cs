using System.Diagnostics;
using LiveDigits.Capture.Mnist;
using LiveDigits.Pipeline.Classification;
using OpenCvSharp;

namespace LiveDigits.Pipeline.Evaluation;

/// <summary>Measures a classifier on an MNIST split: accuracy, per-digit accuracy, confusions, speed.</summary>
public static class MnistEvaluation
{
    /// <summary>Classifies the first <paramref name="limit"/> images of <paramref name="set"/>.</summary>
    /// <param name="classifier">The network to measure.</param>
    /// <param name="set">Labelled images.</param>
    /// <param name="limit">How many images, from the start; null for all.</param>
    /// <param name="progress">Told how many images are done after each batch; optional.</param>
    /// <returns>The figures.</returns>
    public static MnistEvaluationResult Run(
        DigitClassifier classifier, MnistSet set, int? limit = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(set);

        var count = Math.Min(limit ?? set.Count, set.Count);
        var confusion = new int[10, 11];
        var clock = new Stopwatch();
        for (var start = 0; start < count; start += DigitClassifier.MaxBatch)
        {
            var batch = Math.Min(DigitClassifier.MaxBatch, count - start);
            var images = new Mat[batch];
            try
            {
                for (var i = 0; i < batch; i++)
                {
                    images[i] = set.ToMat(start + i);
                }

                clock.Start();
                var predictions = classifier.Classify(images);
                clock.Stop();
                for (var i = 0; i < batch; i++)
                {
                    confusion[set.Label(start + i), predictions[i].Digit]++;
                    if (!predictions[i].IsDigit)
                    {
                        confusion[set.Label(start + i), DigitPrediction.NotDigitClass]++;
                    }
                }
            }
            finally
            {
                foreach (var image in images)
                {
                    image?.Dispose();
                }
            }

            progress?.Report(start + batch);
        }

        return new MnistEvaluationResult(confusion, count, clock.Elapsed);
    }
}
