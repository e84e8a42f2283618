"""Which files in a corpus folder are not articles: a default rule and ``.briefingignore``.

An analyst's folder holds more than articles: the README or LICENSE that came with a
download, lock files an office suite or an editor left open, ``Thumbs.db``, hidden
files. The default rule skips them by name (the corpus-root names only at the root,
where a README describes the folder; deeper down a file called ``readme.txt`` may
well be a story). ``.briefingignore`` in the corpus folder adds patterns in gitignore
syntax, read by ``pathspec`` so that it means what it means to git, and may take
back with ``!pattern`` what the default rule skips. Every skip comes with its reason.

The rules are compiled once per walk (:meth:`IgnoreRules.load`); judging an entry is
a name check, plus one ``pathspec`` match when the corpus has an ignore file. A
``.briefingignore`` that cannot be read or holds an invalid pattern is set aside as a
whole, with one line saying why: half of someone's rules would be a surprise.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from search.models import UnreadableFile
from search.reading import IGNORE_FILE
from search.reading.opening import open_regular

# Larger is no list of patterns; reading it would only slow every update.
MAX_IGNORE_BYTES = 1024 * 1024

# README, README.md, ReadMe.txt, LICENSE-MIT, licence_en.txt, COPYING.LESSER: the word,
# one optional tag after '-' or '_', any extensions. 'license-fees-rise.txt' is a story.
_ROOT_NAMES = re.compile(
    r"(readme|licen[cs]e|copying|changelog|contributing)(?:[-_][^-_.]+)?(?:\..*)?",
    re.IGNORECASE,
)
# Anywhere in the corpus, by name: (pattern, what the file is).
_NOT_ARTICLES = (
    (re.compile(r".*\.lock|package-lock\.json|npm-shrinkwrap\.json", re.I), "a lock file"),
    (re.compile(r"~\$.*"), "an Office lock file"),
    (re.compile(r".*\.sw[po]|.*~|#.*#", re.I), "an editor's swap or backup file"),
    (re.compile(r"thumbs\.db|desktop\.ini", re.I), "a Windows system file"),
    (re.compile(r".*\.(?:part|partial|crdownload)", re.I), "an unfinished download"),
)
_ANY_NOT_ARTICLE = re.compile("|".join(f"(?:{p.pattern})" for p, _ in _NOT_ARTICLES), re.I)


@dataclass(frozen=True)
class IgnoreRules:
    """The default rule and the corpus's ``.briefingignore``, ready to judge entries.

    ``spec`` is the compiled ignore file (None without one, or when it was set aside);
    ``lines`` gives the line number of each of its patterns; ``note`` is what the
    report says about the ignore file itself.
    """

    spec: object | None = None
    lines: tuple[int, ...] = ()
    texts: tuple[str, ...] = ()
    note: str = "hidden file"

    @classmethod
    def load(cls, root: str | os.PathLike[str]) -> IgnoreRules:
        """Read and compile ``root/.briefingignore`` (the default rule alone without one).

        Never raises: an unreadable or malformed file gives rules whose ``note`` says
        why it was not applied.
        """
        path = os.path.join(root, IGNORE_FILE)
        if not os.path.lexists(path):
            return cls()
        try:
            text = _read_text(path, inside=os.path.realpath(root))
            return cls._compiled(text.splitlines())
        except _NotApplied as exc:
            return cls(note=f"not applied ({exc}); only the default rule applies")

    @classmethod
    def _compiled(cls, lines: list[str]) -> IgnoreRules:
        from pathspec import GitIgnoreSpec

        patterns, numbers, texts = [], [], []
        for number, line in enumerate(lines, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            try:
                compiled = GitIgnoreSpec.from_lines([line]).patterns
            except ValueError as exc:  # pathspec's GitIgnorePatternError
                raise _NotApplied(f"line {number}: invalid pattern {line!r}") from exc
            if not compiled or compiled[0].include is None:
                continue
            patterns.append(compiled[0])
            numbers.append(number)
            texts.append(line.strip())
        spec = GitIgnoreSpec(patterns) if patterns else None
        return cls(
            spec, tuple(numbers), tuple(texts), note="the ignore rules for this corpus (applied)"
        )

    def reason(self, parent: str, name: str, *, is_dir: bool) -> str | None:
        """Why the entry ``name`` in the corpus folder ``parent`` is skipped, or None.

        Args:
            parent: the folder's path relative to the corpus, "" at the root, else
                ending in "/".
            name: the entry's name.
            is_dir: whether the entry is a folder (gitignore's ``name/`` patterns match
                folders only; the default rule's names are files).

        Returns:
            The reason to skip the entry, or None to go on judging it (its type, links).
        """
        if not parent and name == IGNORE_FILE:
            return self.note
        if self.spec is not None:
            relative = f"{parent}{name}/" if is_dir else f"{parent}{name}"
            result = self.spec.check_file(relative)
            if result.include:
                return (
                    f"ignored by {IGNORE_FILE} line {self.lines[result.index]}: "
                    f"{self.texts[result.index]}"
                )
            if result.include is False:  # taken back with !pattern
                return None
        return default_reason(name, is_dir=is_dir, at_root=not parent)


def default_reason(name: str, *, is_dir: bool, at_root: bool) -> str | None:
    """Why the default rule skips ``name`` (None when it does not)."""
    if name.startswith("."):
        return "hidden folder" if is_dir else "hidden file"
    if is_dir:
        return None
    if at_root:
        match = _ROOT_NAMES.fullmatch(name)
        if match:
            return f"not an article: {match.group(1).upper()} at the corpus root"
    if _ANY_NOT_ARTICLE.fullmatch(name):
        for pattern, what in _NOT_ARTICLES:
            if pattern.fullmatch(name):
                return f"not an article: {what}"
    return None


class _NotApplied(Exception):
    """The ignore file cannot be used; the message says why in a few words."""


def _read_text(path: str, *, inside: str) -> str:
    try:
        with open_regular(path, inside=inside) as handle:
            data = handle.read(MAX_IGNORE_BYTES + 1)
    except UnreadableFile as exc:
        raise _NotApplied(str(exc)) from None
    except OSError as exc:
        raise _NotApplied(f"cannot read file ({exc.strerror or exc})") from None
    if len(data) > MAX_IGNORE_BYTES:
        raise _NotApplied(f"over {MAX_IGNORE_BYTES // 1024} KB, not a list of patterns")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _NotApplied(f"not UTF-8 text (byte {exc.start + 1})") from None
