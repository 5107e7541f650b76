"""Rules: salary (being written)."""
