"""The app's screens: the main search-and-read screen, help, and related articles."""
