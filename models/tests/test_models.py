"""Checks of the shipped model files against the contracts the C# side relies on.

    cd models && /usr/bin/python3 -m unittest tests.test_models

Set LIVEDIGITS_MODELS_DIR to check another folder (e.g. a smoke run's output).
The OpenCV checks run only where Debian's python3-opencv is installed; the
authoritative OpenCV check is the C# test against OpenCV 4.13.
"""
import json
import os
import unittest

import numpy as np
import onnx
import torch

from recipe import export, mnist, nets, tfcheck
from recipe.__main__ import MODELS_DIR, REPO_ROOT

FOLDER = os.environ.get("LIVEDIGITS_MODELS_DIR", MODELS_DIR)
ONNX_FILES = {"tutorial-pytorch.onnx": 10, "tutorial-keras.onnx": 10,
              "livedigits.onnx": 11, "livedigits-fast.onnx": 11}

try:
    import cv2
except ImportError:
    cv2 = None


def _reference(name):
    with open(os.path.join(FOLDER, name + ".reference.json")) as f:
        return json.load(f)


def _test_images(count):
    folder = os.path.join(REPO_ROOT, "data", "mnist")
    mnist.fetch(folder)
    images, _ = mnist.load(folder, "t10k")
    return images[:count].astype(np.float32) / 255.0


class ReferenceFiles(unittest.TestCase):
    def test_each_model_has_matching_reference_outputs(self):
        for name, classes in {**ONNX_FILES, "tutorial-keras.pb": 10}.items():
            with self.subTest(name):
                ref = _reference(name)
                self.assertEqual(ref["model"], name)
                self.assertEqual(ref["sha256"], export.sha256_of(os.path.join(FOLDER, name)))
                self.assertEqual((ref["mnistTestFirst"], ref["count"]), (0, 1000))
                self.assertEqual(np.array(ref["outputs"]).shape, (1000, classes))

    def test_softmax_models_reference_probabilities(self):
        for name in ("tutorial-keras.onnx", "tutorial-keras.pb"):
            sums = np.array(_reference(name)["outputs"]).sum(axis=1)
            np.testing.assert_allclose(sums, 1.0, atol=1e-5)


class OnnxGraphs(unittest.TestCase):
    def test_static_single_input_and_output_with_opencv_safe_ops(self):
        for name, classes in ONNX_FILES.items():
            with self.subTest(name):
                model = onnx.load(os.path.join(FOLDER, name))
                onnx.checker.check_model(model)
                self.assertEqual(len(model.graph.input), 1)
                self.assertEqual(len(model.graph.output), 1)
                dims = lambda v: [d.dim_value for d in v.type.tensor_type.shape.dim]
                self.assertEqual(dims(model.graph.input[0]), [1, 1, 28, 28])
                self.assertEqual(dims(model.graph.output[0]), [1, classes])
                self.assertLessEqual({n.op_type for n in model.graph.node}, export.OPENCV_SAFE_OPS)

    def test_livedigits_costs_no_more_than_the_baseline(self):
        baseline = nets.count_macs(nets.TutorialPytorch())
        self.assertLessEqual(nets.count_macs(nets.LiveDigits()), baseline)
        self.assertLessEqual(nets.count_macs(nets.LiveDigitsFast()), baseline / 3)

    def test_livedigits_fast_export_form_computes_the_training_function(self):
        torch.manual_seed(0)
        net = nets.LiveDigitsFast()
        for module in net.modules():
            # Batch norms with statistics away from 0/1, so their fold into the export is exercised too.
            if isinstance(module, torch.nn.BatchNorm2d):
                module.running_mean.uniform_(-0.5, 0.5)
                module.running_var.uniform_(0.5, 2.0)
        images = torch.rand(32, 1, 28, 28)

        with torch.no_grad():
            trained, exported = net.eval()(images), net.exportable()(images)

        self.assertEqual(exported.shape, (32, 11))
        torch.testing.assert_close(exported, trained, atol=1e-5, rtol=1e-5)

    def test_livedigits_sidecars(self):
        for name in ("livedigits.onnx", "livedigits-fast.onnx"):
            with self.subTest(name), open(os.path.join(FOLDER, name + ".json")) as f:
                sidecar = json.load(f)
                self.assertEqual(set(sidecar), {"notDigitClass", "acceptThreshold"})
                self.assertEqual(sidecar["notDigitClass"], 10)
                self.assertTrue(0.0 < sidecar["acceptThreshold"] < 1.0)


class TensorflowGraph(unittest.TestCase):
    def test_pb_run_in_nhwc_gives_the_reference_probabilities(self):
        with open(os.path.join(FOLDER, "tutorial-keras.pb"), "rb") as f:
            graph = f.read()
        images = _test_images(100)
        got = tfcheck.run(graph, images[:, :, :, None])
        expected = np.array(_reference("tutorial-keras.pb")["outputs"][:100])
        np.testing.assert_allclose(got, expected, atol=1e-5)


@unittest.skipIf(cv2 is None, "python3-opencv not installed")
class InOpenCv(unittest.TestCase):
    def _check(self, name, images, outputs):
        # Logits reach a few tens, so the tolerance is relative to their size.
        expected = np.array(_reference(name)["outputs"][:len(images)])
        scale = max(1.0, float(np.abs(expected).max()))
        np.testing.assert_allclose(outputs, expected, atol=1e-5 * scale)

    def test_one_image_at_a_time(self):
        images = _test_images(200)
        for name in (*ONNX_FILES, "tutorial-keras.pb"):
            with self.subTest(name):
                net = cv2.dnn.readNet(os.path.join(FOLDER, name))
                outputs = []
                for image in images:
                    net.setInput(image.reshape(1, 1, 28, 28))
                    outputs.append(net.forward().ravel().copy())
                self._check(name, images, np.array(outputs))

    def test_static_network_runs_on_a_batch(self):
        # Exported with a fixed 1x1x28x28 input, OpenCV still takes N images at once.
        images = _test_images(64)
        for name in (*ONNX_FILES, "tutorial-keras.pb"):
            with self.subTest(name):
                net = cv2.dnn.readNet(os.path.join(FOLDER, name))
                net.setInput(images.reshape(64, 1, 28, 28))
                self._check(name, images, net.forward().reshape(64, -1))

    def test_pb_and_onnx_agree(self):
        images = _test_images(1000).reshape(1000, 1, 28, 28)
        results = []
        for name in ("tutorial-keras.pb", "tutorial-keras.onnx"):
            net = cv2.dnn.readNet(os.path.join(FOLDER, name))
            net.setInput(images)
            results.append(net.forward().reshape(1000, -1))
        np.testing.assert_allclose(results[0], results[1], atol=1e-4)


if __name__ == "__main__":
    unittest.main()
