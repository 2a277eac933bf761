using OpenCvSharp;

namespace LiveDigits.Capture.Clips;

/// <summary>
/// The scene the camera looks at: a desk with a sheet of paper on it, written on, as one large image, and
/// where every digit's ink lies in it.
/// </summary>
internal sealed class Sheet : IDisposable
{
    public Sheet(Mat canvas, Rect paper, IReadOnlyList<SheetDigit> digits, IReadOnlyList<ClipSheetNumber> numbers)
    {
        Canvas = canvas;
        Paper = paper;
        Digits = digits;
        Numbers = numbers;
    }

    /// <summary>Gets the desk and paper, 8-bit BGR.</summary>
    public Mat Canvas { get; }

    /// <summary>Gets where the paper lies on the canvas.</summary>
    public Rect Paper { get; }

    /// <summary>Gets every digit written, by id.</summary>
    public IReadOnlyList<SheetDigit> Digits { get; }

    /// <summary>Gets every number written, by id.</summary>
    public IReadOnlyList<ClipSheetNumber> Numbers { get; }

    public void Dispose() => Canvas.Dispose();
}
