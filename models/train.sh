#!/usr/bin/env bash
# Rebuilds the LiveDigits networks from the MNIST training images.
#
#   models/train.sh                      full rebuild of every model into models/
#   models/train.sh --only livedigits    rebuild one model (tutorial-pytorch, tutorial-keras, livedigits)
#   models/train.sh --smoke [--out DIR]  a few hundred images, one epoch, every export, into DIR
#
# Training runs on Debian's PyTorch through /usr/bin/python3 on purpose: the
# pyenv python on PATH has none of the Debian packages.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
py=/usr/bin/python3
debs="python3-torch python3-onnx python3-protobuf python3-numpy python3-pil fonts-dejavu-core"
font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

have_deps() {
    [ -x "$py" ] && [ -f "$font" ] &&
        "$py" -c 'import torch, onnx, numpy, PIL, google.protobuf' 2>/dev/null
}

if ! have_deps; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "train.sh: missing Debian packages; as root run: apt-get install -y --no-install-recommends $debs" >&2
        exit 1
    fi
    echo "train.sh: installing $debs"
    # shellcheck disable=SC2086  # the package list is meant to split into words
    apt-get install -y --no-install-recommends $debs >/dev/null ||
        { apt-get update >/dev/null && apt-get install -y --no-install-recommends $debs >/dev/null; }
    have_deps || { echo "train.sh: dependencies still missing after apt-get install" >&2; exit 1; }
fi

# Two OpenMP threads for the two cores torch is told to use. Passive waiting
# matters on a shared machine: with OpenMP's default spinning, an epoch took
# seven times longer while other builds ran beside it.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-2}"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
export PYTHONDONTWRITEBYTECODE=1
# The recipe is found through PYTHONPATH rather than by changing directory, so a relative --out
# means the caller's folder.
export PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}"
exec "$py" -m recipe "$@"
