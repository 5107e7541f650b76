"""Rules: title (being written)."""
