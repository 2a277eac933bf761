"""On-the-fly camera-style augmentation of N x 1 x 28 x 28 batches.

Each effect is applied to a random share of the batch, so the network
still sees plenty of clean MNIST-like digits next to degraded ones. The
effects mimic what a normalised camera candidate looks like: a tilted,
rescaled, sheared and off-centre digit; a pen or threshold that gave
thinner or thicker strokes; focus blur; sensor noise; a grey, low-contrast
crop; and bits of the neighbouring characters at the border.
"""
import math

import torch
import torch.nn.functional as F

# Share of images each effect is applied to.
P_GEOMETRY = 0.85
P_THICKNESS = 0.4
P_FRAGMENT = 0.25
P_BLUR = 0.3
P_CONTRAST = 0.3
P_NOISE = 0.3


def _uniform(n, lo, hi, g):
    return torch.rand(n, generator=g) * (hi - lo) + lo


def _chosen(n, p, g):
    return (torch.rand(n, generator=g) < p).view(n, 1, 1, 1)


def _warp(x, theta):
    grid = F.affine_grid(theta, list(x.shape), align_corners=False)
    return F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)


def geometry(x, g, max_degrees=15.0, scale=(0.8, 1.2), max_shear=0.3, max_shift=3.0):
    """Rotation, scale, shear and shift, all in one resampling."""
    n = len(x)
    angle = _uniform(n, -max_degrees, max_degrees, g) * math.pi / 180
    s = _uniform(n, *scale, g)
    shear = _uniform(n, -max_shear, max_shear, g)
    shift = _uniform(2 * n, -max_shift, max_shift, g).view(n, 2) * 2 / 28
    cos, sin = torch.cos(angle), torch.sin(angle)
    # How the content moves: rotate(shear(scale(p))); the sampling grid needs its inverse.
    forward = torch.stack([
        torch.stack([cos * s, (cos * shear - sin) * s], 1),
        torch.stack([sin * s, (sin * shear + cos) * s], 1)], 1)
    inverse = torch.linalg.inv(forward)
    theta = torch.cat([inverse, -(inverse @ shift.unsqueeze(2))], 2)
    return _warp(x, theta)


def thickness(x, g):
    """Thicker strokes (grey dilation) or thinner ones (grey erosion), partly blended."""
    n = len(x)
    thick = F.max_pool2d(x, 3, 1, 1)
    thin = -F.max_pool2d(-x, 3, 1, 1)
    amount = _uniform(n, 0.3, 1.0, g).view(n, 1, 1, 1)
    target = torch.where(_chosen(n, 0.5, g), thick, thin)
    return x + (target - x) * amount


def fragments(x, g):
    """Pastes the edge of another image of the batch 2-5 px into one border."""
    n = len(x)
    neighbour = x[torch.randperm(n, generator=g)]
    side = torch.randint(0, 4, (n,), generator=g)          # left, right, top, bottom
    depth = torch.randint(2, 6, (n,), generator=g)          # how far into the frame
    shift = _uniform(n, 15, 21, g)
    sign = torch.where(side % 2 == 0, 1.0, -1.0)
    horizontal = side < 2
    offset_x = torch.where(horizontal, sign * shift, torch.zeros(n))
    offset_y = torch.where(horizontal, torch.zeros(n), sign * shift)
    eye = torch.eye(2).expand(n, 2, 2)
    theta = torch.cat([eye, torch.stack([offset_x, offset_y], 1).unsqueeze(2) * 2 / 28], 2)
    moved = _warp(neighbour, theta)
    index = torch.arange(28).float()
    depth = depth.view(n, 1, 1).float()
    cols = index.view(1, 1, 28).expand(n, 28, 28)
    rows = index.view(1, 28, 1).expand(n, 28, 28)
    position = torch.where(horizontal.view(n, 1, 1), cols, rows)
    near = torch.where((side % 2 == 0).view(n, 1, 1), position < depth, position >= 28 - depth)
    return torch.maximum(x, moved * near.unsqueeze(1))


def blur(x, g):
    """Gaussian blur with a per-image sigma of 0.4-1.1 px."""
    n = len(x)
    sigma = _uniform(n, 0.4, 1.1, g).view(n, 1)
    taps = torch.arange(-2, 3).float().view(1, 5)
    kernel1d = torch.exp(-taps ** 2 / (2 * sigma ** 2))
    kernel1d = kernel1d / kernel1d.sum(1, keepdim=True)
    kernel = (kernel1d.unsqueeze(2) * kernel1d.unsqueeze(1)).unsqueeze(1)  # n x 1 x 5 x 5
    return F.conv2d(x.view(1, n, 28, 28), kernel, padding=2, groups=n).view(n, 1, 28, 28)


def contrast(x, g):
    """Grey background and dim ink: maps 0..1 to lo..hi."""
    n = len(x)
    lo = _uniform(n, 0.0, 0.25, g)
    hi = torch.maximum(lo + 0.3, _uniform(n, 0.45, 1.0, g))
    return lo.view(n, 1, 1, 1) + (hi - lo).view(n, 1, 1, 1) * x


def noise(x, g):
    """Gaussian sensor noise with a per-image strength."""
    n = len(x)
    sigma = _uniform(n, 0.02, 0.12, g).view(n, 1, 1, 1)
    return x + torch.randn(x.shape, generator=g) * sigma


def camera(x, g):
    """All effects, each on its own random share of the batch, in the order a camera adds them."""
    n = len(x)
    for effect, p in ((geometry, P_GEOMETRY), (thickness, P_THICKNESS), (fragments, P_FRAGMENT),
                      (blur, P_BLUR), (contrast, P_CONTRAST), (noise, P_NOISE)):
        x = torch.where(_chosen(n, p, g), effect(x, g), x)
    return x.clamp_(0.0, 1.0)
