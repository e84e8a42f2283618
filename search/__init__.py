"""Reading a folder of documents into articles, finding their entities, indexing and searching them.

Nothing here knows about the terminal UI: the app and the CLI reach the index only
through :class:`search.service.SearchService`.
"""
