"""Rules: content (being written)."""
