"""Reading a corpus folder into articles: find files, decode, clean, split, extract metadata.

``walk_corpus`` lists what there is to read and what is skipped (never raises);
``read_articles`` turns one file into its articles or raises ``UnreadableFile``
with a one-line reason. Each job lives in its own module: ``paths`` (file names that
are not UTF-8), ``opening`` (only regular files inside the corpus are read, never
blocking), ``ignoring`` (files that are not articles, ``.briefingignore``),
``decoding`` (bytes to text), ``cleaning`` and ``chrome`` (clean paragraphs), ``html``
(web pages), ``splitting`` (one file, several articles), ``metadata`` and
``datelines`` (each field's value and where it was found); PDF, Word
and e-mail files go to ``formats``.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from search.models import SkippedFile, UnreadableFile

# Defined with the records (it crosses the seam); still importable from here.
from search.models.articles import Article
from search.reading.formats import DOCUMENT_SUFFIXES
from search.reading.ignoring import IgnoreRules
from search.reading.opening import is_inside, open_regular
from search.reading.paths import path_bytes, shown

if TYPE_CHECKING:
    from search.reading import splitting

READABLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", *DOCUMENT_SUFFIXES)
_HTML_SUFFIXES = (".html", ".htm")
_MARKDOWN_SUFFIXES = (".md", ".markdown")
# Larger files are not articles (logs, dumps); reading them would stall indexing.
MAX_FILE_BYTES = 64 * 1024 * 1024


def walk_corpus(folder: Path, *, follow_outside: bool = False) -> Iterator[Path | SkippedFile]:
    """Every file under ``folder`` worth reading (as a Path) or skipped with a reason.

    Each folder's files come in name order, then its subfolders; a folder reached
    twice (a symlink loop or a second link to it) is walked once. Files that are not
    articles are skipped by the rule in :mod:`search.reading.ignoring` (hidden files and
    folders, README or LICENSE at the corpus root, lock files, editor backups) and by the
    corpus's ``.briefingignore``, read once per walk. A symlink (to a file or a folder)
    whose target lies outside ``folder`` is skipped and reported unless
    ``follow_outside``: a shared folder must not put ``/etc/passwd`` or someone's keys
    into the index.

    The walk costs one ``scandir`` per folder and one ``stat`` per entry, plus resolving
    symlinks: each folder's real path is carried down from its parent, never worked out
    again from the root (which made a chain of 1,500 nested folders take a minute).

    Args:
        folder: the corpus folder.
        follow_outside: read symlinked files and folders outside ``folder`` too.

    Yields:
        Absolute paths of readable files, and ``SkippedFile`` records for the rest
        (their paths shown with undecodable bytes escaped).
    """
    root = Path(os.path.abspath(folder))
    root_real = os.path.realpath(root)
    walk = _Walk(root_real, follow_outside, IgnoreRules.load(root))
    walk.first_visit(root)
    # An explicit stack rather than recursion: folder depth is not ours to choose.
    # Each folder comes with its real path and its path in the corpus ("" or "a/b/").
    pending = [(root, root_real, "")]
    while pending:
        folder, real, relative = pending.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except PermissionError:
            yield SkippedFile(shown(folder), "folder not readable (permission denied)")
            continue
        except OSError as exc:
            yield SkippedFile(shown(folder), f"folder not readable ({exc.strerror or exc})")
            continue
        subfolders = []
        for entry in entries:
            path = folder / entry.name
            skipped, entry_real = walk.judge(entry, real, relative)
            if skipped == "":
                subfolders.append((path, entry_real, f"{relative}{entry.name}/"))
            elif skipped is not None:
                yield SkippedFile(shown(path), skipped)
            else:
                yield path
        pending.extend(reversed(subfolders))


class _Walk:
    """What one walk has seen: folders and files by identity, where the corpus is, and
    which files are not articles."""

    def __init__(self, root_real: str, follow_outside: bool, rules: IgnoreRules) -> None:
        self.root_real = root_real
        self.follow_outside = follow_outside
        self.rules = rules
        self.seen_dirs: set[object] = set()
        self.seen_files: set[object] = set()

    def first_visit(self, folder: Path | os.DirEntry) -> bool:
        """Record a folder; False when it was walked already (a loop or a second link)."""
        try:
            info = folder.stat() if isinstance(folder, os.DirEntry) else os.stat(folder)
        except OSError:
            return True
        identity = (info.st_dev, info.st_ino) if info.st_ino else os.path.realpath(folder)
        if identity in self.seen_dirs:
            return False
        self.seen_dirs.add(identity)
        return True

    def judge(self, entry: os.DirEntry, real: str, relative: str) -> tuple[str | None, str]:
        """(None to read the entry, "" to walk into it, otherwise why it is skipped;
        the entry's real path). ``relative`` is the folder's path in the corpus."""
        # By name first: a skipped name costs no stat (a folder's type comes with scandir).
        not_article = self.rules.reason(relative, entry.name, is_dir=_is_dir(entry))
        if not_article is not None:
            return not_article, ""
        entry_real = os.path.join(real, entry.name)
        if entry.is_symlink():
            entry_real = os.path.realpath(entry.path)
            if not self.follow_outside and not is_inside(entry_real, self.root_real):
                return (
                    f"symlink to {shown(entry_real)}, outside the corpus "
                    "(not followed without --follow-outside)"
                ), entry_real
        if _is_dir(entry):
            if not self.first_visit(entry):
                return "folder already read (symlink loop or duplicate link)", entry_real
            return "", entry_real
        return self._file_reason(entry), entry_real

    def _file_reason(self, entry: os.DirEntry) -> str | None:
        try:
            is_file = entry.is_file()
        except OSError:
            is_file = False
        if not is_file:
            return "broken symlink" if entry.is_symlink() else "not a regular file"
        suffix = Path(entry.name).suffix.lower()
        if suffix not in READABLE_SUFFIXES:
            return f"unsupported file type {shown(suffix) or '(no extension)'}"
        identity = _file_identity(entry)
        if identity in self.seen_files:
            return "same file already read through another link"
        self.seen_files.add(identity)
        return None


def _file_identity(entry: os.DirEntry) -> object:
    """What two links to one file share: device and inode, else the resolved path.

    One stat instead of resolving every folder of the path (half of a no-op update of
    10,000 files). Where a directory entry reports no inode (Windows), the path is
    resolved.
    """
    try:
        stat = entry.stat()
    except OSError:
        stat = None
    if stat is not None and stat.st_ino:
        return (stat.st_dev, stat.st_ino)
    return os.path.realpath(entry.path)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def read_articles(
    path: Path, root: Path | None = None, *, follow_outside: bool = False
) -> list[Article]:
    """Decode, clean and split one file into its articles.

    Args:
        path: a file found by ``walk_corpus``.
        root: the corpus folder; ``Article.path`` is relative to it (default: the
            file's own folder, so the path is the file name). The file must lie in it
            once opened (a symlink swapped in after the walk is refused).
        follow_outside: read the file even where it lies outside ``root``.

    Returns:
        The file's articles in order (at least one). An article's identity is its
        place: its id is :func:`article_id` of its corpus-relative path and position,
        so it survives edits to the file and a move of the whole corpus folder;
        ``content_hash`` (the sha256 of its title and body) is its version.
        ``Article.path`` shows undecodable bytes of the file name as ``\\xNN``; the id
        is made from the name's exact bytes.

    Raises:
        UnreadableFile: with a one-line reason: "empty file", "binary file",
            "permission denied", "cannot decode text (...)", "no text left after
            cleaning", "file too large (... MB)", "not a regular file (...)", "leads
            outside the corpus (...)", another read error, or a PDF, Word or e-mail
            file's own reason ("encrypted (needs a password)", "no text layer (a
            scanned PDF?)", "damaged PDF (...)", ...; see ``search.reading.formats``).
    """
    # Imported here: listing a folder (``walk_corpus``) needs none of the text machinery.
    from search.reading import cleaning, splitting
    from search.reading.decoding import DecodeError, decode

    if not isinstance(path, Path) or not path.is_absolute():
        path = Path(os.path.abspath(path))
    inside = None if root is None or follow_outside else os.path.realpath(root)
    data = _read_bytes(path, inside)
    suffix = path.suffix.lower()
    if suffix in DOCUMENT_SUFFIXES:
        from search.reading.formats import read_documents

        relative = corpus_relative(path, root)
        return read_documents(data, suffix, relative, lambda n: article_id(relative, n))
    try:
        text, encoding = decode(data)
    except DecodeError as exc:
        raise UnreadableFile(str(exc)) from None
    page = None
    if suffix in _HTML_SUFFIXES:
        from search.reading.html import extract_page

        page = extract_page(text)
        text = page.text
    text = cleaning.normalise_text(text)
    paras = cleaning.paragraphs(text, markdown=suffix in _MARKDOWN_SUFFIXES)
    if not paras:
        raise UnreadableFile("no text left after cleaning")
    front, parts = splitting.split(paras)
    defaults, origins = _file_metadata(page, front, text)
    defaults["encoding"] = encoding
    relative = corpus_relative(path, root)
    articles = [
        _with_defaults(_article(part, position, relative), defaults, origins)
        for position, part in enumerate(parts)
    ]
    if page is not None and "title" in page.origins:
        # The page's text starts with the headline its metadata chose.
        first = articles[0]
        articles[0] = replace(first, origins={"title": page.origins["title"], **first.origins})
    return articles


def _file_metadata(page, front: list[str], text: str) -> tuple[dict, dict[str, str]]:
    """What the whole file states for all its articles, and where each field came from:
    a web page's own metadata, else the header before its first article (a bulletin's
    month, a masthead) or a copyright line."""
    from search.reading import metadata

    values = {"source": None, "date": None, "author": None, "url": None}
    origins: dict[str, str] = {}
    if page is not None:
        for name in values:
            values[name] = getattr(page, name)
        origins.update({k: v for k, v in page.origins.items() if values.get(k)})
    if not values["source"] and (found := metadata.stated_source(text.split("\n"), text)):
        values["source"], origins["source"] = found
    date = metadata.find_date(front, limit=len(front)) or metadata.find_issue_date(
        front, limit=len(front)
    )
    if not values["date"] and date:
        values["date"], origins["date"] = date[1], "header"
    return values, origins


def corpus_relative(path: Path, root: Path | None) -> str:
    """``path`` relative to the corpus folder ``root``, with forward slashes.

    A file outside ``root`` (or with no root) is named by its file name alone: an
    absolute local path never becomes part of an article's identity. The name is as
    the system gives it (see :mod:`search.reading.paths`).
    """
    if root is not None:
        try:
            return path.relative_to(Path(os.path.abspath(root))).as_posix()
        except ValueError:
            pass
    return path.name


def article_id(relative_path: str, position: int) -> str:
    """The stable id of the article at ``position`` in the file at ``relative_path``.

    Made from the path's exact bytes: two names that differ only in bytes that are not
    UTF-8 are two files, whatever their escaped forms look like.
    """
    return hashlib.sha256(path_bytes(f"{relative_path}\0{position}")).hexdigest()[:16]


def _read_bytes(path: Path, inside: str | None) -> bytes:
    with open_regular(path, inside=inside) as handle:
        try:
            # The size of what was opened, not of what the path named a moment earlier.
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise UnreadableFile(f"file too large ({size // (1024 * 1024)} MB)")
            if size == 0:
                raise UnreadableFile("empty file")
            # Asking for the size read (not the limit) spares a buffer of the limit's size
            # for each file; a file that grew since is read on up to the limit.
            data = handle.read(size + 1)
            if len(data) > size:
                data += handle.read(MAX_FILE_BYTES + 1 - len(data))
        except OSError as exc:
            raise UnreadableFile(f"cannot read file ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFile(f"file too large (over {MAX_FILE_BYTES // (1024 * 1024)} MB)")
    if not data.strip():
        raise UnreadableFile("empty file")
    return data


def _article(part: splitting.Part, position: int, relative: str) -> Article:
    from search.reading import metadata
    from search.reading.datelines import find_dateline

    paras = list(part.paragraphs)
    # Date and byline lines may come before or after the headline; they are
    # metadata, not body, unless they are all the text there is.
    date = metadata.find_date(paras, limit=5) if len(paras) > 1 else None
    if date:
        paras.pop(date[0])
    byline = metadata.find_byline(paras, limit=5) if len(paras) > 1 else None
    if byline:
        paras.pop(byline.index)
    # A bulletin's issue line ("Bulletin No. 7, March 2025") stays in the text.
    issue = None if date else metadata.find_issue_date(paras, limit=3)
    title = part.heading
    # Under the issue line comes the headline.
    if (
        title is None
        and issue
        and issue[0] == 0
        and len(paras) > 2
        and metadata.is_heading(paras[1])
    ):
        title = paras.pop(1)
    # A paragraph opening with a dateline is the story, never its headline.
    dateline = find_dateline(paras[0]) if title is None and paras else None
    if title is None:
        if len(paras) > 1 and not dateline and metadata.is_heading(paras[0]):
            title = paras.pop(0)
        else:
            # A wire story's first sentence, without "BAKU, July 12 (Reuters) –".
            lead = paras[0][dateline.end :] if dateline else paras[0] if paras else ""
            title = metadata.derived_title(lead) if lead else ""
    if dateline is None and paras:
        dateline = find_dateline(paras[0])
    title, site = metadata.split_site(title)
    title = metadata.clean_title(title)
    title_author = metadata.author_in_title(title)
    origins: dict[str, str] = {}
    author = _first(
        origins,
        "author",
        (byline and byline.author, "byline"),
        (title_author, "title"),
    )
    source = _first(
        origins,
        "source",
        (byline and byline.site, "byline"),
        (site, "title"),
        (dateline and dateline.agency, "dateline"),
    )
    stated = _first(
        origins,
        "date",
        (date and date[1], "header"),
        (issue and issue[1], "header"),
        (dateline and dateline.date, "dateline"),
    )
    body = "\n\n".join(paras)
    return Article(
        id=article_id(relative, position),
        title=title,
        body=body,
        path=shown(relative),
        position=position,
        source=source,
        author=author,
        date=stated,
        url=metadata.clean_url(part.url) if part.url else None,
        content_hash=metadata.content_hash(title, body),
        origins=origins,
    )


def _first(origins: dict[str, str], name: str, *candidates: tuple[str | None, str]) -> str | None:
    """The first candidate value that is given; its origin is recorded under ``name``."""
    for value, origin in candidates:
        if value:
            origins[name] = origin
            return value
    return None


def _with_defaults(
    article: Article, defaults: dict[str, str | None], origins: dict[str, str]
) -> Article:
    missing = {k: v for k, v in defaults.items() if v and not getattr(article, k)}
    if not missing:
        return article
    taken = {k: origins[k] for k in missing if k in origins}
    return replace(article, **missing, origins={**article.origins, **taken})
