"""Renderers: each returns a string (sorted, deterministic) and never prints."""
