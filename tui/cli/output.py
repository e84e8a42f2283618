"""Standard output and error made safe to write to, whatever they are connected to.

One mechanism for every command, installed by the console script around ``main``:

- text the output's encoding cannot carry (an ASCII locale, a file name that is not
  UTF-8 and so holds surrogate escapes) is written as backslash escapes, never a
  ``UnicodeEncodeError``;
- a stdout that fails (``/dev/full``, a closed descriptor, an I/O error) ends the
  command with one line on stderr and exit code 1; a reader that went away
  (``briefing articles | head``) ends it quietly; neither is a traceback;
- a standard descriptor closed at start (``>&-``, ``0<&-``) is held open on
  ``/dev/null``, so that no file the command opens takes its number and receives
  what was meant for the terminal;
- JSON is always valid UTF-8 (:func:`json_text`): DEL, C1 controls and lone surrogates
  are ``\\u`` escapes, and everything beyond ASCII is escaped when stdout is not UTF-8.

Failures writing to stderr are dropped: there is nowhere left to report them, and the
exit code still tells.
"""

from __future__ import annotations

import codecs
import io
import json
import locale
import os
import re
import sys
from collections.abc import Callable

from tui.cli.common import EXIT_ERROR, say

_NOT_FOR_JSON = re.compile("[\x7f-\x9f\ud800-\udfff]")


class OutputError(Exception):
    """Standard output cannot be written; ``reason`` says why, in words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _Descriptor(io.RawIOBase):
    """Writes to a file descriptor; turns a failure into :class:`OutputError` (stdout) or
    drops it (stderr). Once silenced (the failure reported), writes are discarded."""

    def __init__(self, fd: int, *, closed: str | None = None, quiet: bool = False) -> None:
        super().__init__()
        self._fd = fd
        self._closed = closed
        self._quiet = quiet
        self._silenced = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return self._closed is None and os.isatty(self._fd)

    def silence(self) -> None:
        self._silenced = True

    def write(self, data) -> int:
        size = len(memoryview(data))
        if self._silenced:
            return size
        if self._closed is not None:
            if self._quiet:
                return size
            raise OutputError(self._closed)
        try:
            return os.write(self._fd, data)
        except BrokenPipeError:
            if self._quiet:
                return size
            raise
        except OSError as error:
            if self._quiet:
                return size
            raise OutputError(error.strerror or str(error)) from None


def run_guarded(main: Callable[[], int]) -> int:
    """Run ``main`` with guarded standard streams; returns the exit code to use.

    Args:
        main: the command; returns its exit code.

    Returns:
        ``main``'s code, or 1 when its output could not be written.
    """
    out = _install()
    try:
        code = main()
        sys.stdout.flush()
    except OutputError as error:
        out.silence()
        say(f"cannot write to standard output: {error.reason}")
        return EXIT_ERROR
    except BrokenPipeError:
        out.silence()
        return EXIT_ERROR
    return code


def json_text(value: object) -> str:
    """``value`` as indented JSON that is valid UTF-8 and safe on a terminal.

    Lone surrogates (bytes of a name that is not UTF-8) and DEL and C1 controls (a
    terminal may read U+009B as the start of an escape sequence) become ``\\u`` escapes;
    when stdout is not UTF-8 everything beyond ASCII does.
    """
    text = json.dumps(value, ensure_ascii=not _speaks_utf(sys.stdout), indent=2)
    return _NOT_FOR_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def print_json(value: object) -> None:
    """Print ``value`` on stdout as :func:`json_text`."""
    print(json_text(value))


def _speaks_utf(stream) -> bool:
    try:
        return codecs.lookup(stream.encoding or "").name.startswith("utf")
    except (AttributeError, LookupError):
        return False


def _install() -> _Descriptor:
    """Hold closed standard descriptors on /dev/null and put guarded streams on 1 and 2."""
    closed = [fd for fd in (0, 1, 2) if not _is_open(fd)]
    for fd in closed:
        held = os.open(os.devnull, os.O_RDWR)
        if held != fd:
            os.dup2(held, fd)
            os.close(held)
    encoding = (sys.stdout or sys.__stdout__ or _Fallback).encoding or _locale_encoding()
    out = _Descriptor(1, closed="standard output is closed" if 1 in closed else None)
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(out),
        encoding=encoding,
        errors="backslashreplace",
        line_buffering=out.isatty(),
    )
    err_encoding = (sys.stderr or _Fallback).encoding or _locale_encoding()
    err = _Descriptor(2, closed="closed" if 2 in closed else None, quiet=True)
    sys.stderr = io.TextIOWrapper(
        io.BufferedWriter(err),
        encoding=err_encoding,
        errors="backslashreplace",
        line_buffering=True,
        write_through=True,
    )
    return out


class _Fallback:
    encoding = None


def _locale_encoding() -> str:
    return locale.getpreferredencoding(False) or "utf-8"


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True
