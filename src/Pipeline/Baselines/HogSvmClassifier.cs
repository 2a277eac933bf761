using System.Globalization;
using LiveDigits.Capture;
using LiveDigits.Capture.Mnist;
using LiveDigits.Pipeline.Classification;
using Microsoft.Extensions.Logging;
using OpenCvSharp;
using OpenCvSharp.ML;

namespace LiveDigits.Pipeline.Baselines;

/// <summary>
/// The classic OpenCV sample's digit classifier, as a baseline: deskew by image moments, HOG features,
/// and an RBF support vector machine trained on MNIST's training set.
/// </summary>
/// <remarks>
/// An SVM gives no probabilities: every prediction carries probability 1 for its winner, so the reader's
/// accept threshold rejects nothing and only shape checks stop non-digits. That is how the sample
/// behaves, and part of what this baseline measures. Not thread-safe; the reader calls it from one thread.
/// </remarks>
public sealed class HogSvmClassifier : ICandidateClassifier, IDisposable
{
    /// <summary>The number of training images used: enough for about 98% on MNIST, trained in minutes.</summary>
    public const int DefaultTrainingCount = 15000;

    private const int Side = MnistSet.Side;
    private readonly SVM _svm;
    private readonly HOGDescriptor _hog = new(
        new Size(Side, Side), new Size(14, 14), new Size(7, 7), new Size(7, 7), 9);

    private HogSvmClassifier(SVM svm) => _svm = svm;

    /// <summary>Gets the default cache file: <c>data/baselines/hog-svm-15000.yml.gz</c>.</summary>
    public static string DefaultCachePath =>
        Path.Combine(ProjectPaths.Data, "baselines", $"hog-svm-{DefaultTrainingCount}.yml.gz");

    /// <summary>Loads the trained SVM from <paramref name="cachePath"/>, training and saving it first.</summary>
    /// <param name="cachePath">The cache file; null for <see cref="DefaultCachePath"/>.</param>
    /// <param name="logger">Receives a line when training starts and ends.</param>
    /// <returns>The classifier; the caller disposes it.</returns>
    public static HogSvmClassifier LoadOrTrain(string? cachePath = null, ILogger? logger = null)
    {
        cachePath ??= DefaultCachePath;
        var accuracyPath = cachePath + ".accuracy.txt";
        if (File.Exists(cachePath))
        {
            var loaded = new HogSvmClassifier(SVM.Load(cachePath));
            if (File.Exists(accuracyPath)
                && double.TryParse(File.ReadAllText(accuracyPath), CultureInfo.InvariantCulture, out var known))
            {
                loaded.MnistTestAccuracy = known;
            }

            return loaded;
        }

        var training = MnistDataset.LoadTrain(logger: logger);
        var classifier = Train(training, Math.Min(DefaultTrainingCount, training.Count), logger);
        classifier.MnistTestAccuracy = classifier.Measure(MnistDataset.LoadTest(logger: logger));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(cachePath))!);
        var partial = cachePath + ".part.yml.gz";
        classifier._svm.Save(partial);
        File.WriteAllText(accuracyPath, classifier.MnistTestAccuracy.Value.ToString("R", CultureInfo.InvariantCulture));
        File.Move(partial, cachePath, overwrite: true);
        return classifier;
    }

    /// <summary>Trains on the first <paramref name="count"/> images of <paramref name="training"/>.</summary>
    /// <param name="training">MNIST's training split.</param>
    /// <param name="count">How many images to train on.</param>
    /// <param name="logger">Receives a line when training starts and ends.</param>
    /// <returns>The classifier; the caller disposes it.</returns>
    public static HogSvmClassifier Train(MnistSet training, int count, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 10);
        if (logger is not null)
        {
            Log.TrainingBaseline(logger, count);
        }

        var svm = SVM.Create();
        svm.Type = SVM.Types.CSvc;
        svm.KernelType = SVM.KernelTypes.Rbf;

        // The OpenCV digits sample's values, which suit unit-normalised HOG blocks.
        svm.C = 12.5;
        svm.Gamma = 0.5;
        var classifier = new HogSvmClassifier(svm);
        var images = Enumerable.Range(0, count).Select(training.ToMat).ToList();
        try
        {
            using var samples = classifier.Features(images);
            using var labels = new Mat(count, 1, MatType.CV_32SC1);
            labels.SetArray(Enumerable.Range(0, count).Select(training.Label).ToArray());
            svm.Train(samples, SampleTypes.RowSample, labels);
        }
        finally
        {
            images.ForEach(i => i.Dispose());
        }

        if (logger is not null)
        {
            using var vectors = svm.GetSupportVectors();
            Log.TrainedBaseline(logger, vectors.Rows);
        }

        return classifier;
    }

    /// <summary>Gets the accuracy on the 10,000 MNIST test images, when it was measured at training time.</summary>
    public double? MnistTestAccuracy { get; private set; }

    /// <summary>Measures the accuracy on an MNIST split (the images are already 28x28, so no normaliser).</summary>
    /// <param name="set">The images and labels.</param>
    /// <returns>The share read right.</returns>
    public double Measure(MnistSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var right = 0;
        const int Batch = 500;
        for (var start = 0; start < set.Count; start += Batch)
        {
            var images = Enumerable.Range(start, Math.Min(Batch, set.Count - start)).Select(set.ToMat).ToList();
            try
            {
                var predictions = Classify(images);
                right += predictions.Where((p, i) => p.Digit == set.Label(start + i)).Count();
            }
            finally
            {
                images.ForEach(i => i.Dispose());
            }
        }

        return right / (double)set.Count;
    }

    /// <inheritdoc/>
    public IReadOnlyList<DigitPrediction> Classify(IReadOnlyList<Mat> normalised)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        if (normalised.Count == 0)
        {
            return [];
        }

        using var samples = Features(normalised);
        using var results = new Mat();
        _svm.Predict(samples, results);
        results.GetArray(out float[] labels);
        return labels.Select(label =>
        {
            var probabilities = new float[10];
            probabilities[Math.Clamp((int)Math.Round(label), 0, 9)] = 1;
            return new DigitPrediction(probabilities);
        }).ToArray();
    }

    /// <summary>Releases the SVM and the HOG descriptor.</summary>
    public void Dispose()
    {
        _svm.Dispose();
        _hog.Dispose();
    }

    /// <summary>Deskews and describes each 28x28 image; one row of HOG features per image.</summary>
    private Mat Features(IReadOnlyList<Mat> images)
    {
        var rows = new float[images.Count][];
        for (var i = 0; i < images.Count; i++)
        {
            using var straight = Deskew(images[i]);
            rows[i] = _hog.Compute(straight);
        }

        var samples = new Mat(images.Count, rows[0].Length, MatType.CV_32FC1);
        samples.SetArray(rows.SelectMany(r => r).ToArray());
        return samples;
    }

    /// <summary>
    /// Shears the digit so that its principal axis is upright, from the ratio of its second-order central
    /// moments, as the OpenCV sample does.
    /// </summary>
    private static Mat Deskew(Mat image)
    {
        var moments = Cv2.Moments(image);
        if (Math.Abs(moments.Mu02) < 1e-2)
        {
            return image.Clone();
        }

        var skew = moments.Mu11 / moments.Mu02;
        using var shear = new Mat(2, 3, MatType.CV_64FC1);
        shear.SetArray([1, skew, -0.5 * Side * skew, 0, 1, 0]);
        var straight = new Mat();
        Cv2.WarpAffine(
            image,
            straight,
            shear,
            new Size(Side, Side),
            InterpolationFlags.Linear | InterpolationFlags.WarpInverseMap);
        return straight;
    }
}
