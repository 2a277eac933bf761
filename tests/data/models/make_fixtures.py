"""Builds the small test networks in this folder (run with /usr/bin/python3, PyTorch 1.13).

They are not digit readers: fixed random weights give each a known shape and output activation, so
the classifier's checks and its softmax handling can be tested without the trained models.
"""
import os
import sys

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
RECIPE = os.path.join(HERE, "..", "..", "..", "models", "recipe")


class Tiny(nn.Module):
    """conv 1->4 3x3, ReLU, 2x2 max pool, linear to `classes`, then an optional head."""

    def __init__(self, side=28, classes=10, head=None):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3)
        self.fc = nn.Linear(4 * ((side - 2) // 2) ** 2, classes)
        self.head = head

    def forward(self, x):
        x = torch.max_pool2d(torch.relu(self.conv(x)), 2)
        x = self.fc(torch.flatten(x, 1))
        if self.head == "softmax":
            return torch.softmax(x, 1)
        if self.head == "logsoftmax":
            return torch.log_softmax(x, 1)
        return x


def export(model, name, side=28):
    model.eval()
    path = os.path.join(HERE, name)
    torch.onnx.export(model, torch.zeros(1, 1, side, side), path, opset_version=11,
                      input_names=["input"], output_names=["output"], do_constant_folding=True)
    return path


def unsupported_op_graph():
    """A frozen TensorFlow graph whose one real operation, Cumprod, OpenCV's TF importer lacks.

    Written with the recipe's TensorFlow-free GraphDef writer, so no TensorFlow is needed.
    """
    sys.path.insert(0, RECIPE)
    from tfgraph import GraphBuilder  # pylint: disable=import-outside-toplevel

    g = GraphBuilder()
    x = g.placeholder("input", [1, 28, 28, 1])
    x = g.reshape("sequential/flatten/Reshape", x, [-1, 28 * 28])
    x = g.unary("sequential/cumulative/Cumprod", "Cumprod", x)
    g.unary("Identity", "Identity", x)
    with open(os.path.join(HERE, "unsupported-op.pb"), "wb") as f:
        f.write(g.serialize())


def main():
    torch.manual_seed(7)
    base = Tiny()
    # The same weights under three heads: the classifier must turn all three into equal probabilities.
    for head, name in [(None, "tiny-logits.onnx"), ("softmax", "tiny-softmax.onnx"),
                       ("logsoftmax", "tiny-logsoftmax.onnx")]:
        model = Tiny(head=head)
        model.load_state_dict(base.state_dict())
        path = export(model, name)
    with open(path.replace("tiny-logsoftmax", "tiny-logits"), "rb") as f:
        whole = f.read()
    with open(os.path.join(HERE, "truncated.onnx"), "wb") as f:
        f.write(whole[: len(whole) // 2])

    torch.manual_seed(8)
    export(Tiny(classes=11), "tiny-11.onnx")
    export(Tiny(side=32), "wrong-input.onnx", side=32)
    export(Tiny(classes=5), "wrong-output.onnx")
    with open(os.path.join(HERE, "not-a-model.onnx"), "w", encoding="ascii") as f:
        f.write("This is a text file with an .onnx name, not a network.\n")
    open(os.path.join(HERE, "empty.onnx"), "wb").close()
    unsupported_op_graph()


if __name__ == "__main__":
    main()
