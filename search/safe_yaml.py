"""The one way the project reads and writes YAML: small, plain, and safe on any file.

Every YAML file ``briefing`` reads (briefings, the entity corrections file, any
state file to come) is a file a person may have edited by hand, or one dropped
into a folder by someone else. So reading one never runs for long, never crashes
and never gives a wrong value; whatever is wrong becomes a :class:`YamlFileError`
whose text is one line, ``path:line: reason``:

- the file is read only if it is a regular file (a FIFO or a device is refused
  without blocking) and only up to a size limit;
- anchors and aliases (``&a``, ``*a``) are refused: the app never writes them, and
  they are how a 1 KB file expands to gigabytes ("billion laughs") or loops on itself;
- nesting is bounded, so no parser or constructor recursion can overflow;
- dates and timestamps are read as the text they are written as (an impossible
  ``2024-13-45`` is text for the caller to judge, not a crash of the date type);
- only plain values come back: ``None``, ``bool``, ``int``, ``float``, ``str``,
  ``list`` and ``dict`` with text or number keys; other tags and repeated keys are
  refused at their line;
- with ``plain_text=True`` every unquoted scalar but ``null`` is returned as the text
  written (for files of names, where ``NO`` is Norway and ``1.10`` is not ``1.1``).

The document is built from the parser's event stream without recursion, and
:meth:`YamlDocument.line_of` finds the line of any value by its key path, so a
caller's own type checks report at the right line too.

Why here, in ``search/``: ``briefings/`` may import ``search/`` but not the other way
round, and the entity corrections loader lives in ``search/entities/``. Placing the
loader in ``search/`` is what lets both use it; this is the only module that
imports PyYAML (an import-linter contract in pyproject.toml holds that).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

_CLoader = getattr(yaml, "CSafeLoader", None)
_Loader = _CLoader or yaml.SafeLoader
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

DEFAULT_MAX_BYTES = 8 * 1024 * 1024
DEFAULT_MAX_DEPTH = 32

_TAG = "tag:yaml.org,2002:"
_RESOLVER = yaml.resolver.Resolver()
_NUMBERS = yaml.constructor.SafeConstructor()
_TEXT_TAGS = {_TAG + "str", _TAG + "value"}
_WRITTEN_AS_TEXT = {_TAG + "timestamp"}
_PLAIN_TEXT_TAGS = {_TAG + t for t in ("bool", "int", "float", "timestamp", "value")}


class YamlFileError(ValueError):
    """A YAML file that cannot be used; ``str(error)`` is ``path:line: reason``.

    Attributes:
        path: the file.
        line: 1-based line of the problem, or None when it concerns the whole file.
        reason: what is wrong, in words a user can act on.
    """

    def __init__(self, path: str | os.PathLike[str], reason: str, line: int | None = None):
        self.path = Path(path)
        self.line = line
        self.reason = reason
        where = f"{self.path}:{line}" if line is not None else str(self.path)
        super().__init__(f"{where}: {reason}")


@dataclass
class _Where:
    """The line of one value and, for a list or mapping, of what it holds."""

    line: int
    items: list[_Where] | dict[Any, _Where] | None = None
    unquoted_date: bool = False


@dataclass(frozen=True)
class YamlDocument:
    """A YAML file read: its plain data and the line of every value in it.

    Attributes:
        path: the file, for messages.
        data: the document (None for an empty file).
    """

    path: Path
    data: Any
    _where: _Where | None = field(default=None, repr=False, compare=False)

    def line_of(self, where: tuple[Any, ...]) -> int | None:
        """The line of the value at key path ``where`` (the deepest one that exists).

        Args:
            where: keys and list indexes from the top, e.g. ``("notes", 2, "tags")``.

        Returns:
            The 1-based line, or None for an empty document.
        """
        node, _ = self._deepest(where)
        return node.line if node is not None else None

    def written_as_date(self, where: tuple[Any, ...]) -> bool:
        """Whether the value at ``where`` is an unquoted date or time (read as its text).

        A caller storing times may check and normalise those; quoted text is the
        user's own words and is kept as written.
        """
        node, reached = self._deepest(where)
        return node is not None and reached == len(where) and node.unquoted_date

    def _deepest(self, where: tuple[Any, ...]) -> tuple[_Where | None, int]:
        """The deepest value along ``where`` and how many steps of it were found."""
        node = self._where
        if node is None:
            return None, 0
        for reached, step in enumerate(where):
            items = node.items
            found = (isinstance(items, dict) and isinstance(step, Hashable) and step in items) or (
                isinstance(items, list) and isinstance(step, int) and 0 <= step < len(items)
            )
            if not found:
                return node, reached
            node = items[step]  # type: ignore[index]
        return node, len(where)

    def error(self, where: tuple[Any, ...], reason: str) -> YamlFileError:
        """A :class:`YamlFileError` for the value at key path ``where``."""
        return YamlFileError(self.path, reason, self.line_of(where))


def read_bytes(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file, at most ``max_bytes`` of them.

    Raises:
        FileNotFoundError: there is no such file (callers often treat that as "none yet").
        YamlFileError: not a regular file, too big, or unreadable; nothing is left open.
    """
    handle = open_regular(path)
    with handle:
        return read_limited(handle, path, max_bytes=max_bytes)


def open_regular(path: str | os.PathLike[str]):
    """``path`` opened for binary reading, only if it is a regular file.

    The open never blocks (a FIFO opened non-blocking returns at once and is then
    refused); symbolic links are followed as the user set them up.

    Returns:
        A binary file object; the caller closes it.

    Raises:
        FileNotFoundError: there is no such file.
        YamlFileError: it is a folder, a FIFO or device, or cannot be opened.
    """
    try:
        # Python opens descriptors close-on-exec already; O_NONBLOCK keeps a FIFO from
        # waiting for a writer and changes nothing for a regular file.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise FileNotFoundError(exc.errno, exc.strerror, str(path)) from None
        raise YamlFileError(path, f"cannot be read: {exc.strerror}") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise YamlFileError(path, "is a folder, not a file")
        if not stat.S_ISREG(mode):
            raise YamlFileError(path, "is not a regular file (a pipe or device?); not read")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_limited(handle, path: str | os.PathLike[str], *, max_bytes: int) -> bytes:
    """Read an open file to its end, refusing one larger than ``max_bytes``.

    Raises:
        YamlFileError: the file is too big or a read fails.
    """
    try:
        raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise YamlFileError(path, f"cannot be read: {exc.strerror}") from None
    if len(raw) > max_bytes:
        raise YamlFileError(path, f"is larger than {_size(max_bytes)}; not read")
    return raw


def load_yaml(
    raw: bytes | str,
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    plain_text: bool = False,
) -> YamlDocument:
    """Read one YAML document from text, safely (see the module docstring).

    Args:
        raw: the file's content (bytes are decoded as UTF-8).
        path: the file, for messages.
        max_bytes: the largest content accepted.
        max_depth: the deepest nesting of lists and mappings accepted.
        plain_text: return unquoted scalars other than ``null`` as the text written.

    Returns:
        The document; its ``data`` is None when the file holds nothing.

    Raises:
        YamlFileError: whatever is wrong, at its line.
    """
    path = Path(path)
    size = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise YamlFileError(path, f"is larger than {_size(max_bytes)}; not read")
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise YamlFileError(path, "not UTF-8 text", line) from None
    else:
        text = raw
    builder = _Builder(path, max_depth, plain_text)
    loader = _Loader(text)
    try:
        while True:
            event = loader.get_event()
            if builder.feed(event):
                break
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        if "nesting depth" in (exc.problem or ""):
            # libyaml's own bound (1,000 levels, from PyYAML 6.0.4) can be met before ours.
            raise YamlFileError(path, f"nested more than {max_depth} levels deep", line) from None
        reason = " ".join(p for p in (exc.context, exc.problem) if p) or "not valid YAML"
        raise YamlFileError(path, f"not valid YAML: {reason}", line) from None
    except yaml.YAMLError as exc:
        # A reader error (a control character, say) has no mark, only a position.
        position = getattr(exc, "position", None)
        line = text.count("\n", 0, position) + 1 if isinstance(position, int) else None
        reason = str(exc).splitlines()[0] if str(exc) else "not valid YAML"
        raise YamlFileError(path, f"not valid YAML: {reason}", line) from None
    finally:
        loader.dispose()
    return YamlDocument(path, builder.data, builder.where)


class _Frame:
    """A list or mapping being filled, and the key waiting for its value."""

    __slots__ = ("key", "value", "where")
    _NO_KEY: Any = object()

    def __init__(self, value: list | dict, where: _Where) -> None:
        self.value = value
        self.where = where
        self.key: Any = self._NO_KEY


class _Builder:
    """Plain data and line map from a stream of parser events, with no recursion."""

    def __init__(self, path: Path, max_depth: int, plain_text: bool) -> None:
        self.path = path
        self.max_depth = max_depth
        self.plain_text = plain_text
        self.stack: list[_Frame] = []
        self.data: Any = None
        self.where: _Where | None = None
        self.documents = 0

    def fail(self, event: yaml.Event, reason: str) -> YamlFileError:
        return YamlFileError(self.path, reason, event.start_mark.line + 1)

    def feed(self, event: yaml.Event) -> bool:
        """Take one event; True at the end of the stream."""
        if isinstance(event, yaml.StreamEndEvent):
            return True
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fail(event, "holds more than one YAML document (a second '---')")
            return False
        if isinstance(event, yaml.AliasEvent):
            raise self.fail(
                event, f"aliases (*{event.anchor}) are not allowed; write the value out"
            )
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            raise self.fail(
                event, f"anchors (&{event.anchor}) are not allowed; write the value out"
            )
        if isinstance(event, yaml.ScalarEvent):
            tag = _scalar_tag(event)
            where = _Where(event.start_mark.line + 1, unquoted_date=tag in _WRITTEN_AS_TEXT)
            self.attach(event, self.scalar(event, tag), where)
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            self.open(event)
        elif isinstance(event, yaml.CollectionEndEvent):
            self.stack.pop()
        return False

    def open(self, event: yaml.CollectionStartEvent) -> None:
        if len(self.stack) >= self.max_depth:
            raise self.fail(event, f"nested more than {self.max_depth} levels deep")
        is_list = isinstance(event, yaml.SequenceStartEvent)
        expected = _TAG + ("seq" if is_list else "map")
        if event.tag not in (None, "!", expected):
            raise self.fail(event, f"the tag {_short(event.tag)} is not supported here")
        value: list | dict = [] if is_list else {}
        where = _Where(event.start_mark.line + 1, [] if is_list else {})
        self.attach(event, value, where)
        self.stack.append(_Frame(value, where))

    def attach(self, event: yaml.Event, value: Any, where: _Where) -> None:
        if not self.stack:
            self.data, self.where = value, where
            return
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            frame.value.append(value)
            frame.where.items.append(where)  # type: ignore[union-attr]
        elif frame.key is _Frame._NO_KEY:
            if isinstance(value, list | dict):
                raise self.fail(event, "a key should be plain text, not a list or mapping")
            if value in frame.value:
                raise self.fail(event, f"{value!r} is given twice")
            frame.key = value
        else:
            frame.value[frame.key] = value
            frame.where.items[frame.key] = where  # type: ignore[index]
            frame.key = _Frame._NO_KEY

    def scalar(self, event: yaml.ScalarEvent, tag: str) -> Any:
        if tag == _TAG + "null":
            return None
        if tag in _TEXT_TAGS or tag in _WRITTEN_AS_TEXT:
            return event.value
        if self.plain_text and event.implicit[0] and tag in _PLAIN_TEXT_TAGS:
            return event.value
        if tag == _TAG + "merge":
            raise self.fail(event, "merge keys (<<) are not supported; write the keys out")
        node = yaml.ScalarNode(tag, event.value)
        try:
            if tag == _TAG + "bool":
                return _NUMBERS.construct_yaml_bool(node)
            if tag == _TAG + "int":
                return _NUMBERS.construct_yaml_int(node)
            if tag == _TAG + "float":
                return _NUMBERS.construct_yaml_float(node)
        except (ValueError, KeyError, OverflowError):
            reason = f"{event.value[:40]!r} is not a number this file can hold"
            raise self.fail(event, reason) from None
        raise self.fail(event, f"the tag {_short(tag)} is not supported here")


def parse_timestamp(text: str) -> date | None:
    """A YAML date or timestamp (``2024-03-05``, ``2025-01-02 10:00:00 -5``), or None.

    For callers that check a value :meth:`YamlDocument.written_as_date`: None means
    the text looks like a date but is not a real one (``2024-13-45``).

    Returns:
        A ``date``, or a ``datetime`` (aware when the text gives a zone).
    """
    node = yaml.ScalarNode(_TAG + "timestamp", text.strip())
    try:
        return _NUMBERS.construct_yaml_timestamp(node)
    except (ValueError, TypeError, AttributeError, OverflowError):
        return None


def _scalar_tag(event: yaml.ScalarEvent) -> str:
    if event.tag is None or event.tag == "!":
        return _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
    return event.tag


def _short(tag: str) -> str:
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag


def _size(count: int) -> str:
    return f"{count // (1024 * 1024)} MB" if count >= 1024 * 1024 else f"{count} bytes"


class _Dumper(_BaseDumper):  # type: ignore[misc, valid-type]
    def ignore_aliases(self, data: Any) -> bool:
        # Never write anchors: the loader refuses them.
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Multi-line text reads best as a literal block; the emitter falls back to a
    # quoted style by itself when a block could not hold the string exactly.
    style = "|" if "\n" in value else None
    return dumper.represent_scalar(_TAG + "str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: Any, *, width: int = 1_000_000) -> str:
    """YAML text for plain data: block style, keys in their given order, unicode kept.

    Multi-line text is written as a literal block; no anchors are ever written, so
    everything dumped here loads back with :func:`load_yaml`.

    Args:
        data: ``None``, ``bool``, ``int``, ``float``, ``str``, lists and dicts.
        width: the line width before the emitter folds plain text.
    """
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=width,
    )
