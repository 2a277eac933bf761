#!/usr/bin/env bash
# Measures LiveDigits beside its baselines on one generated clip per style, as in docs/ACCURACY.md.
# Usage: scripts/accuracy.sh [FRAMES] [--model FILE]   (clips and JSON Lines go to out/accuracy/)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
frames="${1:-90}"; shift || true
for style in plain ruled grid hard; do
  clip="$root/out/accuracy/$style"
  "$root/livedigits" make-clip --style "$style" --seed 11 --frames "$frames" --out "$clip" >/dev/null
  "$root/livedigits" score --clip "$clip" --baselines --save-jsonl "$clip/readings" "$@"
done
