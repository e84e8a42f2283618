"""The app's widgets: the search view (input, results, status) and the reading pane.

Widgets get plain records from :mod:`search.models` and post messages up; none of
them talks to the index.
"""
