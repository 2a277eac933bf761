"""ONNX export, reference outputs and file hashes."""
import hashlib
import json
import os

import onnx
import torch

# Ops OpenCV's dnn ONNX importer handles (4.x); an export that leaves this
# set would fail on the C# side, so it is refused here already.
OPENCV_SAFE_OPS = {
    "Conv", "Relu", "MaxPool", "Gemm", "MatMul", "Flatten", "Reshape", "Add",
    "Softmax", "BatchNormalization", "AveragePool", "GlobalAveragePool",
}

REFERENCE_FIRST = 0
REFERENCE_COUNT = 1000


def sha256_of(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def export_onnx(net, path, opset=11):
    """Exports `net` in eval mode with a static 1x1x28x28 input and checks the graph.

    The input is static on purpose: OpenCV's ONNX importer is known to break
    on dynamic axes, and it still runs a static network on a batch.
    """
    net.eval()
    dummy = torch.zeros(1, 1, 28, 28)
    torch.onnx.export(net, dummy, path, opset_version=opset, do_constant_folding=True,
                      input_names=["input"], output_names=["output"],
                      training=torch.onnx.TrainingMode.EVAL)
    model = onnx.load(path)
    onnx.checker.check_model(model)
    ops = {node.op_type for node in model.graph.node}
    unsafe = ops - OPENCV_SAFE_OPS
    if unsafe:
        raise RuntimeError(f"{path}: ops {sorted(unsafe)} may not import in OpenCV's dnn")
    dims = [d.dim_value for d in model.graph.input[0].type.tensor_type.shape.dim]
    if dims != [1, 1, 28, 28]:
        raise RuntimeError(f"{path}: input shape {dims}, expected static [1, 1, 28, 28]")
    return sorted(ops)


def _number(value):
    # 9 significant digits round-trip a float32 exactly.
    return format(float(value), ".9g")


def write_reference(model_path, outputs):
    """Writes MODEL.reference.json: the raw graph outputs for MNIST test images 0..999."""
    rows = ",\n    ".join("[" + ", ".join(_number(v) for v in row) + "]" for row in outputs.tolist())
    head = {
        "model": os.path.basename(model_path),
        "sha256": sha256_of(model_path),
        "mnistTestFirst": REFERENCE_FIRST,
        "count": len(outputs),
    }
    text = json.dumps(head, indent=2)[:-2] + ',\n  "outputs": [\n    ' + rows + "\n  ]\n}\n"
    json.loads(text)  # the hand-joined part must still be valid JSON
    with open(model_path + ".reference.json", "w") as f:
        f.write(text)
