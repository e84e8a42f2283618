"""What the app remembers between launches (theme, tabs, reading state, searches)."""

from tui.state.file import StateFile, state_path
from tui.state.remembered_state import RememberedState, SavedSearch

__all__ = ["RememberedState", "SavedSearch", "StateFile", "state_path"]
