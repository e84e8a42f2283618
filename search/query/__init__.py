"""Querying: parse what a user typed, rank, cut snippets, count facets, find mentions."""
