using LiveDigits.Capture;
using LiveDigits.Overlay;
using LiveDigits.Pipeline.Reader;
using LiveDigits.Pipeline.Readings;
using OpenCvSharp;

namespace LiveDigits.Tests.Overlay;

/// <summary>Where the overlay puts its labels: inside the picture, off the status band and off each other.</summary>
public sealed class LabelPlacementTests
{
    private static readonly Size s_frame = new(640, 480);
    private static readonly OverlayStatus s_live = new(24.5, TimeSpan.FromMilliseconds(38), 5, 0);

    [Fact]
    public void LabelPlaces_DigitUnderTheStatusBand_LabelGoesBelowItsBox()
    {
        var box = new Rect(20, 4, 30, 40);
        var readings = new FrameReadings(0, 0, [new DigitReading(box, 4, 0.9)], []);

        var (band, labels) = OverlayRenderer.LabelPlaces(s_frame, readings, s_live);

        var label = Assert.Single(labels);
        Assert.True(band.Bottom > box.Y, "the test needs the box under the band");
        Assert.Equal(box.Bottom, label.Y);
        Assert.False(label.IntersectsWith(band), $"label {label} under the status band {band}");
    }

    [Fact]
    public void LabelPlaces_DigitsCloserThanTheirLabelsAreWide_NoLabelCoversAnother()
    {
        // Five thin 1s 6 px apart: each label ("1 99") is about twice as wide as its box.
        Rect[] boxes = [.. Enumerable.Range(0, 5).Select(i => new Rect(200 + (i * 18), 200, 12, 40))];
        var readings = new FrameReadings(
            0, 0, [.. boxes.Select(b => new DigitReading(b, 1, 0.99))],
            [new NumberReading("11111", new Rect(200, 200, 84, 40), 0.99)]);

        var (_, labels) = OverlayRenderer.LabelPlaces(s_frame, readings, s_live);

        // At 480 rows labels are drawn at font scale 0.5, weight 1.
        Assert.True(Cv2.GetTextSize("1 99", HersheyFonts.HersheySimplex, 0.5, 1, out _).Width > 18);
        AssertReadable(s_frame, default(Rect), labels);
    }

    [Fact]
    public void LabelPlaces_DigitsInTheCorners_EveryLabelInsideThePicture()
    {
        Rect[] boxes =
        [
            new(0, 0, 20, 30), new(s_frame.Width - 20, 0, 20, 30), new(0, s_frame.Height - 30, 20, 30),
            new(s_frame.Width - 20, s_frame.Height - 30, 20, 30),
        ];
        var readings = new FrameReadings(0, 0, [.. boxes.Select(b => new DigitReading(b, 7, 0.8))], []);

        var (band, labels) = OverlayRenderer.LabelPlaces(s_frame, readings, s_live);

        AssertReadable(s_frame, band, labels);
    }

    [Theory]
    [InlineData("sheet_a.png")]
    [InlineData("sheet_b.png")]
    public void LabelPlaces_RealPhotograph_EveryLabelReadable(string sheet)
    {
        using var reader = new DigitReader(new DigitReaderOptions
        {
            ModelPath = Path.Combine(ProjectPaths.Models, "tutorial-pytorch.onnx"),
            TrackAcrossFrames = false,
        });
        using var image = Cv2.ImRead(Path.Combine(TestData.Folder, "real", sheet));
        using var analysis = reader.Read(image, 0, TimeSpan.Zero, sheet);
        var still = s_live with { Image = new StillImage(sheet, 1, 1) };

        var (band, labels) = OverlayRenderer.LabelPlaces(image.Size(), analysis.Readings, still);

        Assert.NotEmpty(analysis.Readings.Digits);
        AssertReadable(image.Size(), band, labels);
    }

    private static void AssertReadable(Size frame, Rect band, IReadOnlyList<Rect> labels)
    {
        var picture = new Rect(0, 0, frame.Width, frame.Height);
        for (var i = 0; i < labels.Count; i++)
        {
            Assert.True(picture.Contains(labels[i]), $"label {labels[i]} leaves the {frame} picture");
            Assert.False(labels[i].IntersectsWith(band), $"label {labels[i]} under the status band {band}");
            for (var j = 0; j < i; j++)
            {
                Assert.False(labels[i].IntersectsWith(labels[j]), $"labels {labels[j]} and {labels[i]} overlap");
            }
        }
    }
}
