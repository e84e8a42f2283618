"""The Textual app, its screens and widgets, and the ``briefing`` command line.

Textual reads its frame rate once, when it is first imported, so it is set here, before
any module of the app imports it: at Textual's default of 60 updates a second a typed
key and then its results each waited for the next frame, a third of the keystroke-to-
results time on 10,000 articles. Screens only update when something changed, so an idle
app draws no more often. ``TEXTUAL_FPS`` set by the user still wins.
"""

import os

os.environ.setdefault("TEXTUAL_FPS", "120")
