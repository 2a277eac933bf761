"""The camera-candidate normalisation, as MNIST itself was made.

Crop to the ink, scale the longer side to 20 px keeping the aspect ratio,
and place it in a 28x28 frame with the centre of mass at (14, 14). The
generated negatives go through this so they look like what the app feeds
the network, not like raw drawings.
"""
import numpy as np
from PIL import Image

INK = 0.15  # a pixel brighter than this counts as ink when cropping


def to_mnist_frame(picture):
    """float H x W in [0, 1] (white ink on black) -> float 28 x 28 in [0, 1]."""
    rows = np.flatnonzero(picture.max(axis=1) > INK)
    cols = np.flatnonzero(picture.max(axis=0) > INK)
    if len(rows) == 0:
        # Nothing to crop to: an empty patch stays what it is, at frame size.
        return _resize(picture, 28, 28)
    crop = picture[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    height, width = crop.shape
    scale = 20.0 / max(height, width)
    fitted = _resize(crop, max(1, round(height * scale)), max(1, round(width * scale)))
    return _place_by_mass(fitted)


def _resize(picture, height, width):
    image = Image.fromarray(np.clip(picture * 255.0, 0, 255).astype(np.uint8))
    resized = image.resize((width, height), Image.LANCZOS if height < picture.shape[0] else Image.BILINEAR)
    return np.asarray(resized, dtype=np.float32) / 255.0


def _place_by_mass(fitted):
    height, width = fitted.shape
    mass = fitted.sum()
    ys, xs = np.mgrid[0:height, 0:width]
    cy = (ys * fitted).sum() / mass if mass > 0 else (height - 1) / 2
    cx = (xs * fitted).sum() / mass if mass > 0 else (width - 1) / 2
    # Top-left corner that puts the centre of mass on pixel 14, kept inside the frame.
    top = int(np.clip(round(14 - cy), 0, 28 - height))
    left = int(np.clip(round(14 - cx), 0, 28 - width))
    frame = np.zeros((28, 28), dtype=np.float32)
    frame[top:top + height, left:left + width] = fitted
    return frame
