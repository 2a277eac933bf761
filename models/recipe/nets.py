"""The network architectures and a multiply-add counter.

Every network takes a N x 1 x 28 x 28 float batch, white ink on black,
pixel/255, and flattens with nn.Flatten so the ONNX export has a plain
Flatten node instead of a Shape/Gather/Reshape chain.
"""
import math

import torch
from torch import nn


class TutorialPytorch(nn.Module):
    """The classic PyTorch tutorial CNN, unchanged; the baseline for every figure."""

    def __init__(self):
        super().__init__()
        self.layer1 = nn.Sequential(
            nn.Conv2d(1, 16, kernel_size=5, stride=1, padding=2),
            nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(kernel_size=2, stride=2))
        self.layer2 = nn.Sequential(
            nn.Conv2d(16, 32, kernel_size=5, stride=1, padding=2),
            nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(kernel_size=2, stride=2))
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(7 * 7 * 32, 10)

    def forward(self, x):
        return self.fc(self.flatten(self.layer2(self.layer1(x))))


class TutorialKeras(nn.Module):
    """The classic Keras tutorial CNN (valid padding, Keras' default), built in PyTorch.

    forward() gives logits for training; `softmax=True` appends the Softmax
    that the Keras model ends in, which is what gets exported.
    """

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=3)   # 28 -> 26, pool -> 13
        self.conv2 = nn.Conv2d(10, 20, kernel_size=3)  # 13 -> 11, pool -> 5 (floor)
        self.pool = nn.MaxPool2d(2, 2)
        self.relu = nn.ReLU()
        self.flatten = nn.Flatten()
        self.dense1 = nn.Linear(5 * 5 * 20, 200)
        self.dense2 = nn.Linear(200, 10)
        self.softmax = False
        self._keras_init()

    def _keras_init(self):
        # Keras starts layers with Glorot-uniform kernels and zero biases;
        # matching that keeps the network what a Keras user would train.
        for layer in (self.conv1, self.conv2, self.dense1, self.dense2):
            nn.init.xavier_uniform_(layer.weight)
            nn.init.zeros_(layer.bias)

    def forward(self, x):
        x = self.pool(self.relu(self.conv1(x)))
        x = self.pool(self.relu(self.conv2(x)))
        x = self.dense2(self.relu(self.dense1(self.flatten(x))))
        return torch.softmax(x, dim=1) if self.softmax else x


class LiveDigits(nn.Module):
    """The default camera network: 10 digits plus class 10, "not a digit".

    Three conv blocks sized so the whole network stays under the baseline's
    multiply-adds: 5x5 on the full 28x28 picks up stroke shape, two 3x3
    blocks at 14x14 and 7x7 see the digit as a whole.
    """

    NOT_A_DIGIT = 10

    def __init__(self, dropout=0.2):
        super().__init__()

        def block(cin, cout, k):
            return [nn.Conv2d(cin, cout, k, padding=k // 2, bias=False),
                    nn.BatchNorm2d(cout), nn.ReLU()]

        self.features = nn.Sequential(
            *block(1, 24, 5), nn.MaxPool2d(2, 2),     # 28x28 -> 14x14
            *block(24, 32, 3), nn.MaxPool2d(2, 2),    # 14x14 -> 7x7
            *block(32, 64, 3))                        # 7x7
        self.flatten = nn.Flatten()
        self.dropout = nn.Dropout(dropout)
        self.fc = nn.Linear(64 * 7 * 7, 11)

    def forward(self, x):
        return self.fc(self.dropout(self.flatten(self.features(x))))


class LiveDigitsFast(nn.Module):
    """A five times cheaper alternative to `LiveDigits` in OpenCV's dnn, with the same 11 classes.

    Sized for dnn, which runs a convolution on small maps at about a third
    of its matrix-multiply speed and a 1-channel 28x28 input worst of all:
    two strided conv blocks (5x5 at 28x28 -> 14x14, 3x3 -> 7x7) find the
    strokes, and a dense layer of 256 units on the 7x7 map sees the digit
    as a whole.

    The dense layers are written as convolutions (a 7x7 kernel over the 7x7
    map, then 1x1): the same function, but Debian's torch trains
    convolutions through oneDNN and linear layers through the reference
    BLAS, three to four times slower. `exportable()` turns them back into
    Flatten + Gemm, which dnn runs several times faster than the 7x7 conv.
    """

    NOT_A_DIGIT = 10

    def __init__(self, dropout=0.1, hidden=256):
        super().__init__()

        def block(cin, cout, k):
            return [nn.Conv2d(cin, cout, k, stride=2, padding=k // 2, bias=False),
                    nn.BatchNorm2d(cout), nn.ReLU()]

        self.features = nn.Sequential(
            *block(1, 16, 5),     # 28x28 -> 14x14
            *block(16, 32, 3))    # 14x14 -> 7x7
        self.dropout = nn.Dropout(dropout)
        self.hidden = nn.Conv2d(32, hidden, 7)    # dense 1568 -> hidden
        self.relu = nn.ReLU()
        self.out = nn.Conv2d(hidden, 11, 1)       # dense hidden -> 11
        self.flatten = nn.Flatten()

    def forward(self, x):
        x = self.relu(self.hidden(self.dropout(self.features(x))))
        return self.flatten(self.out(self.dropout(x)))

    def exportable(self):
        """The same network in eval mode with its dense layers as nn.Linear, for the ONNX export."""
        self.eval()
        layers = [self.features, nn.Flatten()]
        for conv in (self.hidden, self.out):
            linear = nn.Linear(conv.weight[0].numel(), conv.out_channels)
            with torch.no_grad():
                # Conv weights are out x C x kh x kw; Flatten orders the map C, H, W, the same order.
                linear.weight.copy_(conv.weight.reshape(conv.out_channels, -1))
                linear.bias.copy_(conv.bias)
            layers += [linear, nn.ReLU()]
        return nn.Sequential(*layers[:-1]).eval()


BUILDERS = {
    "tutorial-pytorch": TutorialPytorch,
    "tutorial-keras": TutorialKeras,
    "livedigits": LiveDigits,
    "livedigits-fast": LiveDigitsFast,
}


def count_macs(net, shape=(1, 1, 28, 28)):
    """Multiply-adds per image of the conv and linear layers (the rest is negligible)."""
    total = 0

    def on_conv(module, _inputs, output):
        nonlocal total
        per_output = module.in_channels // module.groups * math.prod(module.kernel_size)
        total += output[0].numel() * per_output

    def on_linear(module, _inputs, output):
        nonlocal total
        total += output[0].numel() * module.in_features

    hooks = []
    for module in net.modules():
        if isinstance(module, nn.Conv2d):
            hooks.append(module.register_forward_hook(on_conv))
        elif isinstance(module, nn.Linear):
            hooks.append(module.register_forward_hook(on_linear))
    was_training = net.training
    net.eval()
    with torch.no_grad():
        net(torch.zeros(shape))
    net.train(was_training)
    for hook in hooks:
        hook.remove()
    return total


def count_parameters(net):
    """Trainable parameters (BatchNorm running statistics are not counted)."""
    return sum(p.numel() for p in net.parameters() if p.requires_grad)
