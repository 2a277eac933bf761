namespace LiveDigits.Pipeline.Classification;

/// <summary>What runs the digit network.</summary>
public enum ClassifierEngine
{
    /// <summary>OpenCV's dnn module (<see cref="DigitClassifier"/>), the default: reads ONNX and .pb.</summary>
    OpenCvDnn,

    /// <summary>ONNX Runtime (<see cref="OnnxDigitClassifier"/>): faster on batches; reads ONNX only.</summary>
    OnnxRuntime,
}
