"""The reading pane: one article, its metadata and paragraphs, with highlighted spans."""
