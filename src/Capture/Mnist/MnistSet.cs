using OpenCvSharp;

namespace LiveDigits.Capture.Mnist;

/// <summary>
/// One MNIST split held in memory: 28x28 grey images (white ink on black, as MNIST stores them) and
/// their labels.
/// </summary>
public sealed class MnistSet
{
    /// <summary>The side of every MNIST image, in pixels.</summary>
    public const int Side = 28;

    private const int PixelsPerImage = Side * Side;
    private readonly byte[] _pixels;
    private readonly byte[] _labels;

    /// <summary>Creates a set from raw pixels (row-major, image after image) and one label per image.</summary>
    /// <param name="pixels">Count * 784 bytes.</param>
    /// <param name="labels">One label 0-9 per image.</param>
    public MnistSet(byte[] pixels, byte[] labels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if (pixels.Length != labels.Length * PixelsPerImage)
        {
            throw new ArgumentException(
                $"{labels.Length} labels need {labels.Length * PixelsPerImage} pixels, got {pixels.Length}.",
                nameof(pixels));
        }

        _pixels = pixels;
        _labels = labels;
    }

    /// <summary>Gets the number of images.</summary>
    public int Count => _labels.Length;

    /// <summary>Gets the label (0-9) of image <paramref name="index"/>.</summary>
    /// <param name="index">The image's position in the set.</param>
    /// <returns>The digit written in the image.</returns>
    public int Label(int index) => _labels[index];

    /// <summary>Gets the raw pixels of image <paramref name="index"/> without copying.</summary>
    /// <param name="index">The image's position in the set.</param>
    /// <returns>784 bytes, row-major.</returns>
    public ReadOnlySpan<byte> Pixels(int index) => _pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);

    /// <summary>Copies image <paramref name="index"/> into a new 28x28 CV_8UC1 Mat owned by the caller.</summary>
    /// <param name="index">The image's position in the set.</param>
    /// <returns>A Mat the caller must dispose.</returns>
    public Mat ToMat(int index)
    {
        var mat = new Mat(Side, Side, MatType.CV_8UC1);
        mat.SetArray(Pixels(index).ToArray());
        return mat;
    }
}
