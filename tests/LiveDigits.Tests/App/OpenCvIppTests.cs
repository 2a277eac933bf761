using LiveDigits.Pipeline.Readings;
using LiveDigits.Tests.Capture;

namespace LiveDigits.Tests.App;

/// <summary>
/// The app turns OpenCV's IPP paths off for speed (docs/PERFORMANCE.md, section 6): that must change neither
/// what it reads nor what it prints.
/// </summary>
public sealed class OpenCvIppTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Image_IppOffByDefault_SameReadingsAsWithIppAndNoWarningPrinted()
    {
        var photos = Path.Combine(TestData.Folder, "real");
        var withIpp = _folder.File("with-ipp.jsonl");
        var withoutIpp = _folder.File("without-ipp.jsonl");
        var quiet = _folder.File("quiet.jsonl");
        // An empty OPENCV_IPP is the user's own setting, which the app keeps, and leaves OpenCV's IPP on.
        var ippOn = new Dictionary<string, string> { ["OPENCV_IPP"] = string.Empty };

        var on = AppProcess.RunWith(ippOn, "image", photos, "--no-window", "--log-level", "Debug", "--jsonl", withIpp);
        var off = AppProcess.Run("image", photos, "--no-window", "--log-level", "Debug", "--jsonl", withoutIpp);
        var normal = AppProcess.Run("image", photos, "--no-window", "--jsonl", quiet);

        Assert.True(on.ExitCode == 0, on.Error);
        Assert.True(off.ExitCode == 0, off.Error);
        Assert.DoesNotContain("IPP was disabled", on.Error, StringComparison.Ordinal);
        Assert.Contains("IPP was disabled", off.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("IPP", normal.Error, StringComparison.Ordinal);
        Assert.Equal(39, ReadingsJsonl.ReadFile(withIpp).Sum(l => l.Digits.Count));
        Assert.Equal(File.ReadAllText(withIpp), File.ReadAllText(withoutIpp));
        Assert.Equal(File.ReadAllText(withIpp), File.ReadAllText(quiet));
    }

    public void Dispose() => _folder.Dispose();
}
