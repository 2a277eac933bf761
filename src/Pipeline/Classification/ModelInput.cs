using OpenCvSharp;

namespace LiveDigits.Pipeline.Classification;

/// <summary>Brings a 28x28 digit image of any common pixel type to the network's float 0-1 grey.</summary>
internal static class ModelInput
{
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
