using System.Text.RegularExpressions;
using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace LiveDigits.Pipeline.Classification;

/// <summary>Reads a network file and checks that it is a digit classifier LiveDigits can use.</summary>
internal static partial class ModelInspector
{
    public static Net Read(string path)
    {
        ModelFile.CheckExists(path);

        Net? net = null;
        try
        {
            net = CvDnn.ReadNet(path);
        }
        catch (OpenCVException e)
        {
            throw UnsupportedOperation(path, e)
                ?? new ModelLoadException(path, $"not a network OpenCV can read ({Describe(e)})", e);
        }
        catch (OpenCvSharpException e)
        {
            throw new ModelLoadException(path, $"not a network OpenCV can read ({e.Message})", e);
        }

        if (net is null || net.Empty())
        {
            net?.Dispose();
            throw new ModelLoadException(path, "not a network OpenCV can read (it loaded as an empty network)");
        }

        net.SetPreferableBackend(Backend.OPENCV);
        net.SetPreferableTarget(Target.CPU);
        return net;
    }

    /// <summary>Runs one blank image through the network and returns its class count (10 or 11).</summary>
    public static int CheckShape(Net net, string path)
    {
        using var blank = BlankInput();
        using var blob = CvDnn.BlobFromImage(blank);
        Mat output;
        try
        {
            net.SetInput(blob);
            output = net.Forward();
        }
        catch (OpenCVException e)
        {
            throw UnsupportedOperation(path, e) ?? new ModelLoadException(
                path, $"wrong input shape: it does not take a 1x1x28x28 image ({Describe(e)})", e);
        }

        using (output)
        {
            var values = output.Total();
            if (values is not (10 or 11))
            {
                throw new ModelLoadException(
                    path,
                    $"wrong output count: {values} values per image, expected 10 digits or 11 (with not-a-digit)");
            }

            return (int)values;
        }
    }

    /// <summary>
    /// Tells whether the network gives, for a batch of two, the same rows as for each image alone. A
    /// network exported with a static batch of one usually does in OpenCV, but not every importer
    /// allows it, so it is tried rather than assumed.
    /// </summary>
    public static bool RunsBatches(Net net, int classCount)
    {
        using var blank = BlankInput();
        using var bar = blank.Clone();
        bar.Rectangle(new Rect(12, 4, 4, 20), Scalar.All(1), -1);
        Mat[] images = [blank, bar];

        try
        {
            var single = new float[2][];
            for (var i = 0; i < images.Length; i++)
            {
                using var one = CvDnn.BlobFromImage(images[i]);
                net.SetInput(one);
                using var output = net.Forward();
                CopyRows(output, 1, classCount, single, i);
            }

            using var pair = CvDnn.BlobFromImages(images, 1.0);
            net.SetInput(pair);
            using var batched = net.Forward();
            if (batched.Total() != 2L * classCount)
            {
                return false;
            }

            var rows = new float[2][];
            CopyRows(batched, 2, classCount, rows, 0);
            return rows.Zip(single).All(p => p.First.Zip(p.Second).All(v => Math.Abs(v.First - v.Second) < 1e-5f));
        }
        catch (OpenCVException)
        {
            return false;
        }
    }

    public static void CopyRows(Mat output, int count, int classCount, float[][] rows, int start)
    {
        if (output.Total() != (long)count * classCount)
        {
            throw new InvalidOperationException(
                $"The network gave {output.Total()} values for {count} images of {classCount} classes.");
        }

        // dnn's output blobs are continuous; a copy covers any backend that hands out a view.
        using var copy = output.IsContinuous() ? null : output.Clone();
        var values = (copy ?? output).AsSpan<float>();
        for (var i = 0; i < count; i++)
        {
            rows[start + i] = values.Slice(i * classCount, classCount).ToArray();
        }
    }

    private static Mat BlankInput() =>
        new(DigitClassifier.InputSide, DigitClassifier.InputSide, MatType.CV_32FC1, Scalar.All(0));

    /// <summary>
    /// Recognises OpenCV's "Can't create layer NAME of type OP" failure. OpenCV's TensorFlow importer reads
    /// any graph but creates the layers only on the first forward pass, so an operation it lacks shows up
    /// there; the user needs the operation's name and the way around it, not a shape complaint.
    /// </summary>
    private static ModelLoadException? UnsupportedOperation(string path, OpenCVException e)
    {
        var match = CannotCreateLayer().Match(Describe(e));
        if (!match.Success)
        {
            return null;
        }

        var operation = match.Groups["op"].Value;
        return new ModelLoadException(
            path,
            $"OpenCV's dnn cannot import the operation {operation} (layer \"{match.Groups["layer"].Value}\"); " +
                "export the model to ONNX instead",
            e);
    }

    [GeneratedRegex(
        "Can't create layer \"(?<layer>[^\"]*)\" of type \"(?<op>[^\"]*)\"",
        RegexOptions.CultureInvariant)]
    private static partial Regex CannotCreateLayer();

    /// <summary>OpenCV's messages carry a source location; the user needs only the error text.</summary>
    public static string Describe(OpenCVException e)
    {
        var text = string.IsNullOrWhiteSpace(e.ErrMsg) ? e.Message : e.ErrMsg;
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.TrimStart('>').Trim());
        return string.Join(' ', lines);
    }
}
