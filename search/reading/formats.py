"""Files that are not plain text (PDF, Word, e-mail) into articles.

Each format has its own module that turns a file's bytes into
:class:`~search.reading.document.Document` records (``pdf``, ``word``, ``mail``); this
one picks the module by suffix and makes each Document one article, its text cleaned
like any other file's. A PDF's pages stay apart: each page's paragraphs are cleaned on
their own (a paragraph cut by a page break stays cut, so every paragraph has one page)
and ``Article.pages`` records the body offset where each page starts, so a quote can
name its page.
"""

from __future__ import annotations

from collections.abc import Callable

from search.models import UnreadableFile
from search.models.articles import Article
from search.reading.document import Document

DOCUMENT_SUFFIXES = (".pdf", ".docx", ".eml", ".mbox")


def read_documents(
    data: bytes, suffix: str, relative: str, make_id: Callable[[int], str]
) -> list[Article]:
    """The articles in a PDF, Word or e-mail file.

    Args:
        data: the file's bytes.
        suffix: its lower-case suffix, one of :data:`DOCUMENT_SUFFIXES`.
        relative: its path in the corpus.
        make_id: the id of the article at a position in the file.

    Returns:
        One article per document in the file, in order; an article's position is its
        document's place in the file.

    Raises:
        UnreadableFile: the format's reason, or "no text left after cleaning".
    """
    if suffix == ".pdf":
        from search.reading.pdf import read_pdf

        documents = [read_pdf(data)]
    elif suffix == ".docx":
        from search.reading.word import read_docx

        documents = [read_docx(data)]
    else:
        from search.reading.mail import read_mail

        documents = read_mail(data, mbox=suffix == ".mbox")
    articles = [
        article
        for position, document in enumerate(documents)
        if (article := to_article(document, relative, make_id(position), position)) is not None
    ]
    if not articles:
        raise UnreadableFile("no text left after cleaning")
    return articles


def to_article(document: Document, relative: str, article_id: str, position: int) -> Article | None:
    """The article a document makes, or None when no text is left after cleaning."""
    from search.reading import cleaning, metadata
    from search.reading.paths import shown

    pages = [cleaning.paragraphs(cleaning.normalise_text(text)) for text in document.pages]
    first = next((paras for paras in pages if paras), None)
    if first is None:
        return None
    # The file's own metadata (PDF info, Word properties, e-mail headers) is "meta".
    origins = {n: "meta" for n in ("author", "date", "source") if getattr(document, n)}
    title = document.title
    if title is None and len(first) > 1 and metadata.is_heading(first[0]):
        title = first.pop(0)
    elif title is not None and first[0].casefold() == title.casefold() and len(first) > 1:
        first.pop(0)
    date = document.date
    if date is None and (found := metadata.find_date(first, limit=5)) and len(first) > 1:
        first.pop(found[0])
        date, origins["date"] = found[1], "header"
    author = document.author
    if author is None and (byline := metadata.find_byline(first, limit=5)) and len(first) > 1:
        first.pop(byline.index)
        author, origins["author"] = byline.author, "byline"
    body, starts = _join_pages(pages)
    if title is None:
        title = metadata.derived_title(first[0]) if first else ""
    title = metadata.clean_title(title)
    source = document.source
    if source is None and (stated := metadata.stated_source(body.split("\n\n"), body)):
        source, origins["source"] = stated
    return Article(
        id=article_id,
        title=title,
        body=body,
        path=shown(relative),
        position=position,
        source=source,
        author=author,
        date=date,
        content_hash=metadata.content_hash(title, body),
        encoding=document.encoding,
        pages=starts if document.paged else (),
        origins=origins,
    )


def _join_pages(pages: list[list[str]]) -> tuple[str, tuple[int, ...]]:
    """The body (paragraphs joined by blank lines) and the offset where each page starts.

    A page without text starts where the text before it ends.
    """
    body = ""
    starts = []
    for paras in pages:
        if paras and body:
            body += "\n\n"
        starts.append(len(body))
        body += "\n\n".join(paras)
    return body, tuple(starts)
