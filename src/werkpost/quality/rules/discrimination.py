"""Rules: discrimination (being written)."""
