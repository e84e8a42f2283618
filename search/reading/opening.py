"""Opening a corpus file so that only a regular file inside the corpus is ever read.

A corpus folder may belong to someone else, and it may change while it is indexed: a
file listed by the walk can be a FIFO by the time it is opened (a plain ``open`` would
wait for a writer forever), a device, or a symlink out of the corpus. So a file is
opened without blocking and without becoming a controlling terminal, and it is judged by
what was opened, not by a look at the path beforehand: ``fstat`` of the descriptor says
whether it is a regular file, and (on Linux, through ``/proc/self/fd``) the descriptor
says where the file really is. ``O_NOFOLLOW`` is not used: a symlink that stays inside
the corpus is as good as the file it names.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

from search.models import UnreadableFile
from search.reading.paths import shown

_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)

_KINDS = (
    (stat.S_ISDIR, "is a folder"),
    (stat.S_ISFIFO, "not a regular file (a FIFO)"),
    (stat.S_ISSOCK, "not a regular file (a socket)"),
    (stat.S_ISCHR, "not a regular file (a device)"),
    (stat.S_ISBLK, "not a regular file (a device)"),
)


def open_regular(path: str | os.PathLike[str], *, inside: str | None = None) -> BinaryIO:
    """Open a file for reading its bytes, only if it is a regular file.

    Args:
        path: The file (a symlink is followed).
        inside: A real folder path (see ``os.path.realpath``) the opened file must lie in;
            None accepts a file anywhere.

    Returns:
        The open file, in binary mode, blocking as usual.

    Raises:
        UnreadableFile: with a one-line reason: "permission denied", "file not found
            (deleted or broken link)", "is a folder", "not a regular file (...)",
            "leads outside the corpus (...)" or another error from the system.
    """
    try:
        descriptor = os.open(path, _FLAGS)
    except PermissionError:
        raise UnreadableFile("permission denied") from None
    except FileNotFoundError:
        raise UnreadableFile("file not found (deleted or broken link)") from None
    except OSError as exc:
        raise UnreadableFile(f"cannot read file ({exc.strerror or exc})") from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise UnreadableFile(_kind(mode))
        if inside is not None:
            where = opened_path(descriptor, path)
            if not is_inside(where, inside):
                raise UnreadableFile(f"leads outside the corpus (to {shown(where)})")
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def opened_path(descriptor: int, path: str | os.PathLike[str]) -> str:
    """Where an open file really is: the kernel's answer where it gives one, else the
    resolved path (which a change after the open could make wrong)."""
    try:
        where = os.readlink(f"/proc/self/fd/{descriptor}")
    except OSError:
        return os.path.realpath(path)
    if where.startswith("/"):
        return where.removesuffix(" (deleted)")
    return os.path.realpath(path)


def is_inside(path: str, folder: str) -> bool:
    """Whether the real path ``path`` is ``folder`` or lies under it (both resolved).

    Args:
        path: A resolved path.
        folder: A resolved folder path.

    Returns:
        True for the folder itself and anything under it.
    """
    prefix = folder if folder.endswith(os.sep) else folder + os.sep
    return path == folder or path.startswith(prefix)


def _kind(mode: int) -> str:
    for test, reason in _KINDS:
        if test(mode):
            return reason
    return "not a regular file"
