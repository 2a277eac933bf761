using LiveDigits.Overlay.Pad;
using OpenCvSharp;

namespace LiveDigits.Tests.Pad;

public sealed class PadCanvasTests
{
    [Fact]
    public void Draw_HorizontalStroke_IsAsWideAsThePenWithSoftEdges()
    {
        using var canvas = new PadCanvas(strokeWidth: 40);

        canvas.Draw([[new Point(100, 200), new Point(300, 200)]]);

        using var column = canvas.Image.Col(200);
        var inked = Enumerable.Range(0, canvas.Side).Count(y => column.At<byte>(y) >= 128);
        var soft = Enumerable.Range(0, canvas.Side).Count(y => column.At<byte>(y) is > 0 and < 255);
        Assert.InRange(inked, 39, 42);
        Assert.InRange(soft, 1, 6);
    }

    [Fact]
    public void BeginStroke_SingleClick_LeavesARoundDot()
    {
        using var canvas = new PadCanvas(strokeWidth: 30);

        canvas.BeginStroke(new Point(50, 60));
        canvas.EndStroke();

        var box = Cv2.BoundingRect(canvas.Image);
        Assert.InRange(box.Width, 29, 33);
        Assert.InRange(box.Height, 29, 33);
        Assert.False(canvas.IsEmpty);
    }

    [Fact]
    public void ExtendStroke_PenUp_DrawsNothing()
    {
        using var canvas = new PadCanvas();

        canvas.ExtendStroke(new Point(200, 200));

        Assert.Equal(0, Cv2.CountNonZero(canvas.Image));
        Assert.True(canvas.IsEmpty);
    }

    [Fact]
    public void Clear_AfterStrokes_WipesInkAndStrokesAndChangesVersion()
    {
        using var canvas = new PadCanvas();
        canvas.Draw([[new Point(100, 100), new Point(200, 250)]]);
        var versionBefore = canvas.Version;

        canvas.Clear();

        Assert.Equal(0, Cv2.CountNonZero(canvas.Image));
        Assert.Empty(canvas.Strokes);
        Assert.NotEqual(versionBefore, canvas.Version);
    }

    [Fact]
    public void Snapshot_ThenMoreStrokes_KeepsTheOldPicture()
    {
        using var canvas = new PadCanvas();
        canvas.Draw([[new Point(100, 100), new Point(100, 300)]]);
        using var snapshot = canvas.Snapshot();
        var inkBefore = Cv2.CountNonZero(snapshot);

        canvas.Draw([[new Point(300, 100), new Point(300, 300)]]);

        Assert.Equal(inkBefore, Cv2.CountNonZero(snapshot));
        Assert.True(Cv2.CountNonZero(canvas.Image) > inkBefore);
    }
}
