using LiveDigits.Pipeline.Reader;
using OpenCvSharp;

namespace LiveDigits.Tests.Reader;

[Collection(MemoryMeasurements.Name)]
public sealed class DigitReaderMemoryTests
{
    [Fact]
    public void Read_TenThousandFrames_KeepsNativeMemoryFlatAndEveryDebugImageDisposed()
    {
        using var reader = new DigitReader(new DigitReaderOptions
        {
            ModelPath = TestData.FixtureModel("tiny-11.onnx"),
            Debug = true,
        });
        using var page = SyntheticSheet.Page(320, 120, [("2026", new Point(30, 80))], scale: 1.4);
        var undisposed = ReadFrames(reader, page, 0, 2_500);
        var warmedUp = NativeMemory();
        undisposed += ReadFrames(reader, page, 2_500, 6_250);
        var half = NativeMemory();
        undisposed += ReadFrames(reader, page, 6_250, 10_000);
        var after = NativeMemory();

        // OpenCV's allocator settles within the first 2,000 frames. After that, one leaked 28x28 input per
        // candidate would be 4 x 3,750 x ~1 KB = 15 MB in each half, one leaked binary frame 140 MB. A leak
        // grows in both halves; a one-off step does not: the thread pool adding a thread under load (the
        // normaliser runs on it) brings that thread's OpenCV buffers, and once moved a full run by 63 MB.
        var growth = Math.Min(half - warmedUp, after - half);
        Assert.True(
            growth < 12L << 20,
            $"native memory grew by {(half - warmedUp) >> 20} MB, then {(after - half) >> 20} MB");
        Assert.Equal(0, undisposed);
    }

    /// <summary>Reads frames, disposing each analysis, and counts the debug images left undisposed.</summary>
    private static int ReadFrames(DigitReader reader, Mat page, int from, int to)
    {
        var undisposed = 0;
        for (var i = from; i < to; i++)
        {
            var analysis = reader.Read(page, i, TimeSpan.FromMilliseconds(i), null);
            List<Mat> handedOut = [analysis.Binary!, .. analysis.CandidateInputs.Select(c => c.Input)];
            Assert.Equal(5, handedOut.Count);

            analysis.Dispose();
            undisposed += handedOut.Count(m => !m.IsDisposed);
        }

        return undisposed;
    }

    /// <summary>
    /// The working set less what the managed heap has committed: roughly the memory OpenCV holds. The GC
    /// keeps freed segments committed for a while, which alone moved the plain working set by 100 MB on a
    /// busy machine.
    /// </summary>
    private static long NativeMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Environment.WorkingSet - GC.GetGCMemoryInfo().TotalCommittedBytes;
    }
}
