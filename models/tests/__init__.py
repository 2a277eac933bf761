"""Tests of the shipped model files."""
