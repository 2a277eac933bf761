"""Command line of the recipe: python3 -m recipe [--smoke] [--out DIR] [--only NAME]."""
import argparse
import json
import os
import sys
import tempfile
import time

import torch

from . import augment, export, mnist, nets
from .training import digit_accuracy, predict, to_batch

MODELS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO_ROOT = os.path.dirname(MODELS_DIR)
SMOKE_TRAIN_IMAGES = 400
SEED_AUGMENTED_TEST = 4003

# One seed per network, so `--only NAME` rebuilds exactly what a full run builds.
# livedigits-fast shares the seed of livedigits: both then draw the same
# batches and augmentations, so the two networks differ only in themselves.
SEEDS = {"tutorial-pytorch": 1, "tutorial-keras": 2, "livedigits": 3, "livedigits-fast": 3}


class Context:
    """What every build needs: data, output folder, mode, and how to record a result."""

    def __init__(self, out, smoke):
        self.out = out
        self.smoke = smoke
        folder = os.path.join(REPO_ROOT, "data", "mnist")
        mnist.fetch(folder)
        train_images, train_labels = mnist.load(folder, "train")
        test_images, test_labels = mnist.load(folder, "t10k")
        if smoke:
            pick = torch.randperm(len(train_images), generator=torch.Generator().manual_seed(0))
            pick = pick[:SMOKE_TRAIN_IMAGES].numpy()
            train_images, train_labels = train_images[pick], train_labels[pick]
            # The reference images are all a smoke run needs to measure on.
            test_images, test_labels = test_images[:export.REFERENCE_COUNT], test_labels[:export.REFERENCE_COUNT]
        self.train_images, self.test_images = train_images, test_images
        self._augmented_test_x = None
        self.train_x, self.train_y = to_batch(train_images), torch.as_tensor(train_labels)
        self.test_x, self.test_y = to_batch(test_images), torch.as_tensor(test_labels)

    @property
    def augmented_test_x(self):
        """MNIST test images under the camera augmentation, drawn once from a fixed seed.

        Every network is measured on the same images, so the figures compare.
        """
        if self._augmented_test_x is None:
            generator = torch.Generator().manual_seed(SEED_AUGMENTED_TEST)
            self._augmented_test_x = augment.camera(self.test_x.clone(), generator)
        return self._augmented_test_x

    @staticmethod
    def seed(name):
        return SEEDS[name]

    @staticmethod
    def log(line):
        print(line, flush=True)

    def record(self, path, net, ops, test_out, **extra):
        """The facts MODELS.md reports for one exported file."""
        return {
            "sha256": export.sha256_of(path),
            "bytes": os.path.getsize(path),
            "parameters": nets.count_parameters(net),
            "macsPerDigit": nets.count_macs(net),
            "ops": ops,
            "mnistTestAccuracy": round(digit_accuracy(test_out, self.test_y), 4),
            "augmentedTestAccuracy": round(digit_accuracy(predict(net, self.augmented_test_x), self.test_y), 4),
            **extra,
        }


def _builders():
    from .livedigits import build_livedigits, build_livedigits_fast
    from .tutorials import build_tutorial_keras, build_tutorial_pytorch
    return {"tutorial-pytorch": build_tutorial_pytorch, "tutorial-keras": build_tutorial_keras,
            "livedigits": build_livedigits, "livedigits-fast": build_livedigits_fast}


def main(argv):
    parser = argparse.ArgumentParser(prog="train.sh", description="Rebuilds the LiveDigits networks.")
    parser.add_argument("--smoke", action="store_true",
                        help=f"{SMOKE_TRAIN_IMAGES} training images, one epoch: checks the recipe, not the models")
    parser.add_argument("--out", help="output folder (default: models/, or a new temp folder with --smoke)")
    parser.add_argument("--only", choices=sorted(SEEDS), action="append",
                        help="rebuild only this network (may be repeated)")
    args = parser.parse_args(argv)
    out = args.out or (tempfile.mkdtemp(prefix="livedigits-smoke-") if args.smoke else MODELS_DIR)
    os.makedirs(out, exist_ok=True)

    started = time.time()
    ctx = Context(out, args.smoke)
    builders = _builders()
    summary_path = os.path.join(out, "build-summary.json")
    summary = {}
    if args.only and os.path.exists(summary_path):
        with open(summary_path) as f:
            summary = json.load(f)
    for name in args.only or list(SEEDS):
        summary.update(builders[name](ctx))
    with open(summary_path, "w") as f:
        json.dump(dict(sorted(summary.items())), f, indent=2)
        f.write("\n")
    for name, facts in sorted(summary.items()):
        print(f"{name}: MNIST test accuracy {facts['mnistTestAccuracy']:.4f}, sha256 {facts['sha256']}")
    print(f"done in {time.time() - started:.0f} s, models in {out}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
