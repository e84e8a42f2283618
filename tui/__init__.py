"""The Textual app, its screens and widgets, and the ``briefing`` command line."""
