namespace LiveDigits.Pipeline.Classification;

/// <summary>The checks every engine makes on a model path before handing it to its own reader.</summary>
internal static class ModelFile
{
    public static void CheckExists(string path)
    {
        // A folder is the common slip (`--model models`); "not found" sent users looking for a missing file.
        if (Directory.Exists(path))
        {
            throw new ModelLoadException(path, "is a folder, not a model file (name the .onnx or .pb file in it)");
        }

        if (!File.Exists(path))
        {
            throw new ModelLoadException(path, "model file not found");
        }

        if (new FileInfo(path).Length == 0)
        {
            throw new ModelLoadException(path, "model file is empty");
        }
    }
}
