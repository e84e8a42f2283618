"""Exploring a corpus: dated events for a timeline."""
