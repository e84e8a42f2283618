"""File names as the system gives them, as bytes, and as text fit to show.

On Linux a file name is bytes; Python hands it over as text in which every byte that is
not UTF-8 stands as a lone surrogate (``os.fsdecode``). That text is the exact name and is
what the walk, the reader and the manifest pass around, but it cannot be written as UTF-8
(JSON, the index, a terminal). So a name is turned into bytes for anything that must
tell files apart (article ids, see :func:`path_bytes`) and into escaped text for anything
that shows it (:func:`shown`): ``bad\\xff.txt``. A name that is valid UTF-8 is unchanged
by both, so ids and listings of ordinary files are what they always were.
"""

from __future__ import annotations

import os


def path_bytes(text: str) -> bytes:
    """The exact bytes of a file name given as text.

    Args:
        text: A path as Python gives it (undecodable bytes as lone surrogates).

    Returns:
        Its UTF-8 bytes, with each undecodable byte restored as it was on disk.
    """
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text)


def shown(path: str | os.PathLike[str]) -> str:
    """A path as text that can be printed and stored: undecodable bytes as ``\\xNN``.

    Args:
        path: A path as Python gives it.

    Returns:
        The path unchanged when it is valid UTF-8, else with each byte that is not
        written as a ``\\x`` escape.
    """
    text = os.fspath(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text
