"""Training and export recipe for the LiveDigits networks (run through models/train.sh)."""
