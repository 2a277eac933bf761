"""Runs a frozen GraphDef written by tfgraph.py with numpy, to check it without TensorFlow.

It knows only the ops tfgraph.py writes, and it reads the bytes back with
the same schema, so it catches layout mistakes (kernel order, flatten
order) before any OpenCV sees the file.
"""
import numpy as np

from .tfgraph import DT_FLOAT, _schema


def _tensor(proto):
    dims = [d.size for d in proto.tensor_shape.dim]
    dtype = "<f4" if proto.dtype == DT_FLOAT else "<i4"
    return np.frombuffer(proto.tensor_content, dtype=dtype).reshape(dims)


def _conv2d_valid(x, kernel):
    n, h, w, _ = x.shape
    kh, kw, _, cout = kernel.shape
    out = np.zeros((n, h - kh + 1, w - kw + 1, cout), dtype=np.float64)
    for i in range(kh):
        for j in range(kw):
            out += np.einsum("nhwc,co->nhwo", x[:, i:i + out.shape[1], j:j + out.shape[2], :], kernel[i, j])
    return out


def _max_pool(x, size):
    n, h, w, c = x.shape
    h, w = h // size, w // size
    return x[:, :h * size, :w * size, :].reshape(n, h, size, w, size, c).max(axis=(2, 4))


def run(graph_bytes, images_nhwc):
    """Evaluates the graph for a float batch N x 28 x 28 x 1 and returns the last node's value."""
    graph = _schema()["GraphDef"].FromString(graph_bytes)
    values = {}
    for node in graph.node:
        args = [values[name] for name in node.input]
        op = node.op
        if op == "Placeholder":
            value = images_nhwc.astype(np.float64)
        elif op == "Const":
            value = _tensor(node.attr["value"].tensor)
        elif op == "Conv2D":
            value = _conv2d_valid(*args)
        elif op == "BiasAdd":
            value = args[0] + args[1]
        elif op == "Relu":
            value = np.maximum(args[0], 0)
        elif op == "MaxPool":
            value = _max_pool(args[0], node.attr["ksize"].list.i[1])
        elif op == "Reshape":
            value = args[0].reshape(args[1])
        elif op == "MatMul":
            value = args[0] @ args[1]
        elif op == "Softmax":
            e = np.exp(args[0] - args[0].max(axis=1, keepdims=True))
            value = e / e.sum(axis=1, keepdims=True)
        elif op == "Identity":
            value = args[0]
        else:
            raise ValueError(f"tfcheck: op {op} not supported")
        values[node.name] = value
    return value
