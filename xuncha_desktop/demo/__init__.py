"""Deterministic demo workspace for the inspection desktop."""
