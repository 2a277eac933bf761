"""Seeding, the training loop shared by all networks, and batched inference."""
import random
import time

import numpy as np
import torch
from torch import nn


def make_deterministic(seed):
    """Seeds every generator the recipe uses and asks torch for deterministic kernels.

    torch reports a single thread on these machines although two cores are
    there, so the thread count is set explicitly.
    """
    torch.set_num_threads(2)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    try:
        torch.use_deterministic_algorithms(True)
    except (AttributeError, RuntimeError):
        pass


def to_batch(images_uint8):
    """uint8 N x 28 x 28 (numpy or torch) -> float N x 1 x 28 x 28 in [0, 1]."""
    images = torch.as_tensor(np.array(images_uint8, copy=True))
    return images.to(torch.float32).div_(255.0).unsqueeze(1)


def train(net, name, inputs, labels, *, epochs, batch_size, optimizer, scheduler=None,
          augment=None, seed=0, log=print):
    """Trains `net` on float inputs N x 1 x 28 x 28 and int64 labels.

    `augment(batch, generator)` may change each batch (on the fly, so every
    epoch sees new variations); `scheduler` is stepped once per batch.
    Prints one progress line per epoch.
    """
    generator = torch.Generator().manual_seed(seed)
    loss_fn = nn.CrossEntropyLoss()
    count = len(inputs)
    for epoch in range(1, epochs + 1):
        net.train()
        started = time.time()
        order = torch.randperm(count, generator=generator)
        total_loss, correct = 0.0, 0
        for first in range(0, count, batch_size):
            index = order[first:first + batch_size]
            batch, target = inputs[index], labels[index]
            if augment is not None:
                batch = augment(batch, generator)
            logits = net(batch)
            loss = loss_fn(logits, target)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            if scheduler is not None:
                scheduler.step()
            total_loss += loss.item() * len(index)
            correct += (logits.argmax(1) == target).sum().item()
        log(f"{name} epoch {epoch}/{epochs} loss {total_loss / count:.4f} "
            f"train-acc {correct / count:.4f} ({time.time() - started:.1f} s)")


def predict(net, inputs, batch_size=1000):
    """Raw outputs of `net` in eval mode for float inputs N x 1 x 28 x 28."""
    net.eval()
    outputs = []
    with torch.no_grad():
        for first in range(0, len(inputs), batch_size):
            outputs.append(net(inputs[first:first + batch_size]))
    return torch.cat(outputs)


def digit_accuracy(outputs, labels):
    """Share of images whose best digit class (0-9, ignoring any extra class) is right."""
    return (outputs[:, :10].argmax(1) == labels).float().mean().item()
