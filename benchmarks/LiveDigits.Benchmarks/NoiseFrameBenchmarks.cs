using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LiveDigits.Capture.Clips;
using LiveDigits.Capture.Mnist;
using LiveDigits.Pipeline.Reader;
using LiveDigits.Pipeline.Segmentation;
using OpenCvSharp;

namespace LiveDigits.Benchmarks;

/// <summary>
/// What a 720p frame of noise costs against a page of digits (issue 8: a frame of texture must not stall a
/// live reading): the segmenter alone and the whole reader, the page being the baseline of each.
/// </summary>
/// <remarks>
/// The page is the first of <c>livedigits bench</c>'s frames (plain paper, seed 20, about 20 digits). The
/// noise is the worst seen so far: grey, each pixel the brightest of three uniform draws, which leaves
/// 30,000 scattered pieces of ink and 2,000 candidates for the cap to cut down to 128 (the recipe of
/// <c>HostileFrameTests</c>' sparse dark noise). Uniform colour noise binarises as one piece of ink since the
/// red-pen change and is the cheap case. Both segmenter and reader run as the app runs them: the segmenter
/// with the reader's cap, the reader untracked as for images.
/// </remarks>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
// BenchmarkDotNet, not IDisposable, ends a benchmark's life: [GlobalCleanup] releases what setup made.
[SuppressMessage("Design", "CA1001", Justification = "Released in the [GlobalCleanup] method.")]
public class NoiseFrameBenchmarks
{
    private const string Segment = "Segment";
    private const string Read = "Read";

    private readonly DigitSegmenter _segmenter = new() { MaxCandidates = new DigitReaderOptions().MaxCandidates };
    private readonly Mat _page = new();
    private Mat? _noise;
    private Mat? _colourNoise;
    private DigitReader? _reader;

    /// <summary>Renders the page and draws the two noise frames.</summary>
    [GlobalSetup]
    public void Setup()
    {
        using (var generator = new ClipGenerator(BenchClip.Options, MnistDataset.LoadTest()))
        {
            generator.Render(0, _page);
        }

        _colourNoise = new Mat(720, 1280, MatType.CV_8UC3);
        new RNG(2026).Fill(_colourNoise, DistributionType.Uniform, Scalar.All(0), Scalar.All(256));
        _noise = BrightestOfThree(_colourNoise);
        var options = new DigitReaderOptions
        {
            ModelPath = BenchModels.PathOf(BenchModels.Default),
            TrackAcrossFrames = false,
        };
        _reader = new DigitReader(options);
        using var page = _segmenter.Segment(_page);
        using var noise = _segmenter.Segment(_noise);
        Console.WriteLine(
            $"// candidates kept (dropped): page {page.Candidates.Count} ({page.Dropped.Count}), " +
            $"noise {noise.Candidates.Count} ({noise.Dropped.Count})");
    }

    /// <summary>Segments the page.</summary>
    /// <returns>The candidate count.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Segment)]
    public int SegmentPage() => SegmentFrame(_page);

    /// <summary>Segments the sparse dark noise.</summary>
    /// <returns>The candidate count.</returns>
    [Benchmark]
    [BenchmarkCategory(Segment)]
    public int SegmentNoise() => SegmentFrame(_noise!);

    /// <summary>Segments the uniform colour noise.</summary>
    /// <returns>The candidate count.</returns>
    [Benchmark]
    [BenchmarkCategory(Segment)]
    public int SegmentColourNoise() => SegmentFrame(_colourNoise!);

    /// <summary>Reads the page.</summary>
    /// <returns>The digit count.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Read)]
    public int ReadPage() => ReadFrame(_page);

    /// <summary>Reads the sparse dark noise.</summary>
    /// <returns>The digit count.</returns>
    [Benchmark]
    [BenchmarkCategory(Read)]
    public int ReadNoise() => ReadFrame(_noise!);

    /// <summary>Reads the uniform colour noise.</summary>
    /// <returns>The digit count.</returns>
    [Benchmark]
    [BenchmarkCategory(Read)]
    public int ReadColourNoise() => ReadFrame(_colourNoise!);

    /// <summary>Releases the frames and the reader.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _page.Dispose();
        _noise?.Dispose();
        _colourNoise?.Dispose();
        _reader?.Dispose();
    }

    private static Mat BrightestOfThree(Mat colour)
    {
        Cv2.Split(colour, out var planes);
        try
        {
            using var brightest = new Mat();
            Cv2.Max(planes[0], planes[1], brightest);
            Cv2.Max(brightest, planes[2], brightest);
            return brightest.CvtColor(ColorConversionCodes.GRAY2BGR);
        }
        finally
        {
            foreach (var plane in planes)
            {
                plane.Dispose();
            }
        }
    }

    private int SegmentFrame(Mat frame)
    {
        using var segmentation = _segmenter.Segment(frame);
        return segmentation.Candidates.Count;
    }

    private int ReadFrame(Mat frame)
    {
        using var analysis = _reader!.Read(frame, 0, TimeSpan.Zero);
        return analysis.Readings.Digits.Count;
    }
}
