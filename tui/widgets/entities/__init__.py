"""Entities in the reading pane: their styles, the legend under the text, the side panel."""
