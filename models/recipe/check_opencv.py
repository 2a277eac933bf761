"""Development check of exported models with OpenCV's dnn module from Python.

Not part of the recipe: it needs Debian's python3-opencv (OpenCV 4.6 on
Debian 12), and the authoritative check is the C# test against OpenCV 4.13.
It catches importer problems early (flatten order, BatchNorm folding, TF
layout handling) and times the networks in one run.

    /usr/bin/python3 -m recipe.check_opencv [FOLDER]
"""
import json
import os
import sys
import time

import numpy as np

from . import mnist
from .__main__ import MODELS_DIR, REPO_ROOT

MODELS = ["tutorial-pytorch.onnx", "tutorial-keras.onnx", "tutorial-keras.pb", "livedigits.onnx", "livedigits-fast.onnx"]


def _forward_each(net, images):
    outputs = []
    for image in images:
        net.setInput(image.reshape(1, 1, 28, 28))
        outputs.append(net.forward().reshape(-1).copy())
    return np.array(outputs)


def _per_digit_time(net, images, rounds=3):
    """Best of a few rounds of single-image forwards, in microseconds per digit."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        _forward_each(net, images)
        best = min(best, time.perf_counter() - started)
    return best / len(images) * 1e6


def check(folder):
    import cv2
    cv2.setNumThreads(1)
    images, _ = mnist.load(os.path.join(REPO_ROOT, "data", "mnist"), "t10k")
    images = images[:1000].astype(np.float32) / 255.0
    failures = 0
    outputs = {}
    print(f"OpenCV {cv2.__version__}, single thread")
    for name in MODELS:
        path = os.path.join(folder, name)
        if not os.path.exists(path):
            print(f"{name}: missing, skipped")
            continue
        with open(path + ".reference.json") as f:
            reference = np.array(json.load(f)["outputs"], dtype=np.float64)
        net = cv2.dnn.readNet(path)
        one_by_one = _forward_each(net, images)
        net.setInput(images[:64].reshape(64, 1, 28, 28))
        batch = net.forward().reshape(64, -1)
        outputs[name] = one_by_one
        worst = np.abs(one_by_one - reference).max()
        worst_batch = np.abs(batch - reference[:64]).max()
        micros = _per_digit_time(net, images[:300])
        ok = worst < 1e-4 and worst_batch < 1e-4
        failures += not ok
        print(f"{name}: max |opencv - reference| {worst:.2e}, batch of 64 {worst_batch:.2e}, "
              f"{micros:.0f} us/digit {'OK' if ok else 'FAIL'}")
    if "tutorial-keras.pb" in outputs and "tutorial-keras.onnx" in outputs:
        worst = np.abs(outputs["tutorial-keras.pb"] - outputs["tutorial-keras.onnx"]).max()
        failures += worst >= 1e-4
        print(f"tutorial-keras .pb vs .onnx in OpenCV: max difference {worst:.2e}")
    return failures


if __name__ == "__main__":
    sys.exit(1 if check(sys.argv[1] if len(sys.argv) > 1 else MODELS_DIR) else 0)
