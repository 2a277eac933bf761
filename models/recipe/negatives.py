"""Generated "not a digit" images (class 10) for the livedigits network.

Everything is drawn with PIL on a 96x96 canvas from a seeded numpy
generator and then normalised like a camera candidate, so the same seed
always gives the same images. Training and held-out sets differ by seed,
and the held-out digit pieces come from MNIST test digits, never trained on.

A lone near-vertical stroke is never generated: after normalisation it is
the digit 1, so no camera could tell the two apart. Pieces of digits are
only taken from digits other than 1 for the same reason.
"""
import os

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .normalise import to_mnist_frame

CANVAS = 96
FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FONTS = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf",
         "DejaVuSansMono.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSansCondensed.ttf"]

# Printed letters and symbols that do not look like any digit. Left out on
# purpose: O o D Q C c U (0-like), I l i j | (1-like), Z z (2), S s $ (5),
# B (8), G b (6), g q P (9), T t Y y (7 and 4), J (3 and 7), ? and ! (2, 1).
LETTERS = list("AEFHKMNRVWXaefhkmnrvwx#%&*+=@<>~")
# Symbols only some DejaVu faces have; drawn with DejaVu Sans alone, because a
# face without the glyph draws an empty box, which looks like a 0.
SYMBOLS = list("×÷€£¥∞ΩπΣλΔ♣♠♥★✓→←↑↓")
SYMBOL_FONTS = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"]

# Share of each kind in a generated set.
KINDS = {
    "scribble": 0.16, "stroke": 0.12, "dots": 0.06, "digit-half": 0.12, "two-digits": 0.08,
    "lines": 0.14, "glyph": 0.20, "empty": 0.04, "noise": 0.08,
}


def _width(rng, extent):
    """A pen width in proportion to the drawing, so strokes end up MNIST-thick after scaling."""
    return max(1, int(round(extent * rng.uniform(0.07, 0.16))))


def _canvas():
    image = Image.new("L", (CANVAS, CANVAS), 0)
    return image, ImageDraw.Draw(image)


def _array(image):
    return np.asarray(image, dtype=np.float32) / 255.0


def _bezier(points, steps=24):
    """`steps` points along the bezier curve with these control points (de Casteljau)."""
    t = np.linspace(0, 1, steps)[:, None]
    points = np.repeat(np.asarray(points, dtype=np.float64)[:, None], steps, axis=1)
    while len(points) > 1:
        points = points[:-1] * (1 - t) + points[1:] * t
    return [tuple(p) for p in points[0]]


def scribble(rng, _digits):
    """A messy pen path: several bezier or polyline pieces that cross themselves."""
    image, draw = _canvas()
    count = rng.integers(4, 9)
    points = rng.uniform(12, CANVAS - 12, size=(count, 2))
    path = _bezier(points, 48) if rng.random() < 0.5 else [tuple(p) for p in points]
    draw.line(path, fill=255, width=_width(rng, 70), joint="curve")
    return _array(image)


def stroke(rng, _digits):
    """One straight stroke well away from vertical, or an arc under half a circle."""
    image, draw = _canvas()
    width = _width(rng, 70)
    if rng.random() < 0.5:
        angle = np.deg2rad(rng.uniform(40, 140))  # from vertical; 90 is horizontal
        length = rng.uniform(30, 80)
        dx, dy = np.sin(angle) * length / 2, np.cos(angle) * length / 2
        c = CANVAS / 2
        draw.line([(c - dx, c - dy), (c + dx, c + dy)], fill=255, width=width)
    else:
        start = rng.uniform(0, 360)
        sweep = rng.uniform(40, 170)
        r = rng.uniform(20, 40)
        c = CANVAS / 2
        draw.arc([c - r, c - r, c + r, c + r], start, start + sweep, fill=255, width=width)
    return _array(image)


def dots(rng, _digits):
    """One to four round dots of random size."""
    image, draw = _canvas()
    for _ in range(rng.integers(1, 5)):
        x, y = rng.uniform(15, CANVAS - 15, size=2)
        r = rng.uniform(3, 12)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=255)
    return _array(image)


def digit_half(rng, digits):
    """A half or a corner of a digit (not a 1), as a bad crop of a camera frame gives.

    The piece must hold 15-50% of the digit's ink: with more it is often
    still the digit (the top of a 7), with less it is a speck.
    """
    images, labels = digits
    candidates = np.flatnonzero(labels != 1)
    while True:
        picture = images[rng.choice(candidates)].astype(np.float32) / 255.0
        cut = int(rng.integers(11, 17))
        side = rng.integers(0, 6)
        if side == 0:
            piece = picture[:cut]
        elif side == 1:
            piece = picture[cut:]
        elif side == 2:
            piece = picture[:, :cut]
        elif side == 3:
            piece = picture[:, cut:]
        else:  # a corner quadrant
            piece = picture[:cut, :cut] if side == 4 else picture[cut:, cut:]
        if 0.15 <= piece.sum() / picture.sum() <= 0.5:
            return piece


def two_digits(rng, digits):
    """The right part of one digit next to the left part of another, as a mis-split candidate."""
    images, _labels = digits
    a, b = rng.integers(0, len(images), size=2)
    pair = np.concatenate([images[a][:, 4:24], images[b][:, 4:24]], axis=1).astype(np.float32) / 255.0
    offset = int(rng.integers(8, 13))
    return pair[:, offset:offset + 20]


def lines(rng, _digits):
    """Ruled-paper and grid fragments: horizontal rules, several verticals, or a grid."""
    image, draw = _canvas()
    width = int(rng.integers(2, 6))
    kind = rng.integers(0, 3)
    spacing = rng.uniform(16, 34)
    offset = rng.uniform(0, spacing)
    horizontal = kind in (0, 2)
    vertical = kind in (1, 2)
    span = rng.uniform(20, CANVAS - 20, size=2)
    lo, hi = min(span) - 10, max(span) + 10
    if horizontal:
        for y in np.arange(offset, CANVAS, spacing)[:rng.integers(1, 4)]:
            draw.line([(lo, y), (hi + 20, y)], fill=255, width=width)
    if vertical:
        # At least two verticals, or one crossing a rule: a lone vertical is a 1.
        count = rng.integers(2 if not horizontal else 1, 4)
        for x in np.arange(offset + 8, CANVAS, spacing)[:count]:
            draw.line([(x, lo), (x, hi + 20)], fill=255, width=width)
    return _array(image)


def glyph(rng, _digits):
    """A printed letter or symbol from a DejaVu font, slightly rotated."""
    image, draw = _canvas()
    pick = rng.integers(len(LETTERS) + len(SYMBOLS))
    if pick < len(LETTERS):
        text, faces = LETTERS[pick], FONTS
    else:
        text, faces = SYMBOLS[pick - len(LETTERS)], SYMBOL_FONTS
    font = ImageFont.truetype(os.path.join(FONT_DIR, faces[rng.integers(len(faces))]),
                              int(rng.integers(40, 64)))
    draw.text((CANVAS / 2, CANVAS / 2), text, fill=255, font=font, anchor="mm")
    return _array(image.rotate(rng.uniform(-10, 10), resample=Image.BILINEAR))


def empty(rng, _digits):
    """A blank patch with faint sensor noise."""
    return np.clip(rng.normal(0, rng.uniform(0, 0.04), size=(28, 28)), 0, 1).astype(np.float32)


def noise(rng, _digits):
    """Speckle, blotchy or salt-and-pepper noise, as paper texture and shadows give."""
    size = int(rng.integers(6, 29))
    kind = rng.integers(0, 3)
    if kind == 0:
        picture = rng.random((size, size)) * rng.uniform(0.3, 1.0)
    elif kind == 1:
        coarse = rng.random((max(2, size // 4),) * 2)
        picture = np.asarray(Image.fromarray((coarse * 255).astype(np.uint8)).resize(
            (size, size), Image.BILINEAR), dtype=np.float32) / 255.0
    else:
        picture = (rng.random((size, size)) < rng.uniform(0.05, 0.3)).astype(np.float32)
    return picture.astype(np.float32)


MAKERS = {"scribble": scribble, "stroke": stroke, "dots": dots, "digit-half": digit_half,
          "two-digits": two_digits, "lines": lines, "glyph": glyph, "empty": empty, "noise": noise}


def _thin_and_tall(frame):
    """True if the normalised picture is a narrow upright bar, i.e. reads as a 1."""
    cols = np.flatnonzero(frame.max(axis=0) > 0.3)
    rows = np.flatnonzero(frame.max(axis=1) > 0.3)
    return len(cols) > 0 and (cols[-1] - cols[0] + 1) <= 0.4 * (rows[-1] - rows[0] + 1)


def generate(count, seed, digits):
    """`count` normalised negatives (uint8 count x 28 x 28) and the kind of each.

    `digits` is (images uint8 N x 28 x 28, labels) to cut pieces from.
    """
    rng = np.random.default_rng(seed)
    names = list(KINDS)
    shares = np.array([KINDS[n] for n in names])
    kinds = rng.choice(len(names), size=count, p=shares / shares.sum())
    frames = np.zeros((count, 28, 28), dtype=np.uint8)
    for i, kind in enumerate(kinds):
        while True:
            picture = MAKERS[names[kind]](rng, digits)
            frame = picture if names[kind] == "empty" else to_mnist_frame(picture)
            if not _thin_and_tall(frame):
                break
        frames[i] = np.clip(frame * 255.0 + 0.5, 0, 255).astype(np.uint8)
    return frames, [names[k] for k in kinds]
