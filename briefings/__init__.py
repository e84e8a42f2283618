"""Briefings: notes anchored to quoted passages, stored as YAML, exported to Markdown."""
