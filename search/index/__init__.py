"""Indexing: articles into the Whoosh index kept beside the corpus, incrementally."""
