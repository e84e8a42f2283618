"""The search view: query input, status line, sortable article list and ranked hits."""
