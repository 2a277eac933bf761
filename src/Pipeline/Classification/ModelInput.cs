using System.Numerics;
using OpenCvSharp;

namespace LiveDigits.Pipeline.Classification;

/// <summary>Brings a 28x28 digit image of any common pixel type to the network's float 0-1 grey.</summary>
internal static class ModelInput
{
    public const int Pixels = DigitClassifier.InputSide * DigitClassifier.InputSide;

    /// <summary>Writes one image's 784 unit-float pixels into <paramref name="target"/>.</summary>
    public static void Fill(Mat image, int position, Span<float> target)
    {
        ArgumentNullException.ThrowIfNull(image);

        // The normaliser's 8-bit 28x28 images are the common case: read them in place. Converting each
        // to a float Mat first cost about 15 µs a digit in native allocations, a third of the budget
        // for a whole forward pass of the default network.
        if (!image.IsDisposed && image.Type() == MatType.CV_8UC1 && image.IsContinuous()
            && image.Rows == DigitClassifier.InputSide && image.Cols == DigitClassifier.InputSide)
        {
            BytesToUnit(image.AsSpan<byte>(), target);
            return;
        }

        using var unit = ToUnitFloat(image, position);
        unit.AsSpan<float>().CopyTo(target);
    }

    /// <summary>Scales 8-bit pixels to 0-1, many at a time where the CPU has vector instructions.</summary>
    /// <remarks>
    /// Multiplying by the reciprocal, as OpenCV's <c>convertTo</c> does, keeps these values bit-equal to the
    /// float path of <see cref="ToUnitFloat"/>.
    /// </remarks>
    public static void BytesToUnit(ReadOnlySpan<byte> pixels, Span<float> target)
    {
        const float Scale = 1f / 255;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var scale = new Vector<float>(Scale);
            var width = Vector<float>.Count;
            for (; i <= pixels.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                Vector.Widen(new Vector<byte>(pixels[i..]), out var low, out var high);
                Vector.Widen(low, out var q0, out var q1);
                Vector.Widen(high, out var q2, out var q3);
                (Vector.ConvertToSingle(q0) * scale).CopyTo(target[i..]);
                (Vector.ConvertToSingle(q1) * scale).CopyTo(target[(i + width)..]);
                (Vector.ConvertToSingle(q2) * scale).CopyTo(target[(i + (2 * width))..]);
                (Vector.ConvertToSingle(q3) * scale).CopyTo(target[(i + (3 * width))..]);
            }
        }

        for (; i < pixels.Length; i++)
        {
            target[i] = pixels[i] * Scale;
        }
    }

    public static Mat ToUnitFloat(Mat image, int position)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.IsDisposed || image.Empty())
        {
            throw new ArgumentException($"Image {position} is empty.", nameof(image));
        }

        if (image.Rows != DigitClassifier.InputSide || image.Cols != DigitClassifier.InputSide)
        {
            throw new ArgumentException(
                $"Image {position} is {image.Cols}x{image.Rows}; the classifier takes 28x28 " +
                "(normalise camera crops with DigitNormaliser first).",
                nameof(image));
        }

        using var grey = ToGrey(image, position);
        var scale = grey.Depth() switch
        {
            MatType.CV_8U => 1.0 / 255,
            MatType.CV_16U => 1.0 / 65535,
            MatType.CV_32F or MatType.CV_64F => 1.0,
            _ => throw new ArgumentException(
                $"Image {position} has pixel depth {grey.Type()}; use 8-bit, 16-bit or float.", nameof(image)),
        };

        var unit = new Mat();
        grey.ConvertTo(unit, MatType.CV_32FC1, scale);
        return unit;
    }

    private static Mat ToGrey(Mat image, int position)
    {
        var code = image.Channels() switch
        {
            1 => (ColorConversionCodes?)null,
            3 => ColorConversionCodes.BGR2GRAY,
            4 => ColorConversionCodes.BGRA2GRAY,
            var n => throw new ArgumentException($"Image {position} has {n} channels; use 1, 3 or 4.", nameof(image)),
        };

        if (code is null)
        {
            return image.Clone();
        }

        var grey = new Mat();
        Cv2.CvtColor(image, grey, code.Value);
        return grey;
    }
}
