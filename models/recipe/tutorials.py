"""Builds of the two tutorial networks, trained as their tutorials train them."""
import os

import numpy as np
import torch

from . import export, nets, tfcheck, tfgraph
from .training import make_deterministic, predict, train


def build_tutorial_pytorch(ctx):
    """Conv-BN-ReLU-pool twice and one linear layer; Adam 1e-3, batch 100, 5 epochs."""
    make_deterministic(ctx.seed("tutorial-pytorch"))
    net = nets.TutorialPytorch()
    epochs = 1 if ctx.smoke else 5
    train(net, "tutorial-pytorch", ctx.train_x, ctx.train_y, epochs=epochs, batch_size=100,
          optimizer=torch.optim.Adam(net.parameters(), lr=1e-3), seed=ctx.seed("tutorial-pytorch"),
          log=ctx.log)
    path = os.path.join(ctx.out, "tutorial-pytorch.onnx")
    ops = export.export_onnx(net, path)
    test_out = predict(net, ctx.test_x)
    export.write_reference(path, test_out[:export.REFERENCE_COUNT])
    return {
        "tutorial-pytorch.onnx": ctx.record(path, net, ops, test_out, epochs=epochs,
                                            settings="Adam lr 1e-3, batch 100, no augmentation"),
    }


def build_tutorial_keras(ctx):
    """The Keras tutorial CNN with Keras' defaults (Adam 1e-3, eps 1e-7, batch 32), 5 epochs.

    Exported twice: as ONNX and as the frozen TensorFlow GraphDef a Keras
    user would produce. Both end in the model's Softmax.
    """
    make_deterministic(ctx.seed("tutorial-keras"))
    net = nets.TutorialKeras()
    epochs = 1 if ctx.smoke else 5
    train(net, "tutorial-keras", ctx.train_x, ctx.train_y, epochs=epochs, batch_size=32,
          optimizer=torch.optim.Adam(net.parameters(), lr=1e-3, eps=1e-7),
          seed=ctx.seed("tutorial-keras"), log=ctx.log)
    net.softmax = True
    onnx_path = os.path.join(ctx.out, "tutorial-keras.onnx")
    ops = export.export_onnx(net, onnx_path)
    test_out = predict(net, ctx.test_x)
    reference = test_out[:export.REFERENCE_COUNT]
    export.write_reference(onnx_path, reference)

    pb_path = os.path.join(ctx.out, "tutorial-keras.pb")
    graph = tfgraph.keras_graph(net)
    with open(pb_path, "wb") as f:
        f.write(graph)
    _check_graph(graph, ctx.test_x[:export.REFERENCE_COUNT], reference)
    export.write_reference(pb_path, reference)
    settings = "Adam lr 1e-3 (eps 1e-7, as Keras), batch 32, Glorot-uniform init, no augmentation"
    return {
        "tutorial-keras.onnx": ctx.record(onnx_path, net, ops, test_out, epochs=epochs, settings=settings),
        "tutorial-keras.pb": ctx.record(pb_path, net, ["Placeholder", "Const", "Conv2D", "BiasAdd", "Relu",
                                                      "MaxPool", "Reshape", "MatMul", "Softmax", "Identity"],
                                        test_out, epochs=epochs, settings=settings),
    }


def _check_graph(graph, inputs, expected):
    """The GraphDef, run by numpy in NHWC, must give PyTorch's probabilities."""
    nhwc = inputs.permute(0, 2, 3, 1).numpy()
    got = tfcheck.run(graph, nhwc)
    worst = float(np.abs(got - expected.numpy()).max())
    if worst > 1e-5:
        raise RuntimeError(f"tutorial-keras.pb differs from PyTorch by {worst:g}")
