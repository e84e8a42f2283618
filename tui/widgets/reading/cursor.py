"""SentenceCursor: where the reading cursor is, as a paragraph and a sentence within it.

No Textual here: the reading pane asks the cursor what to mark (``span``) and moves it
with keys (``move_sentence``, ``move_paragraph``) or a click (``place_at``). Sentences
are worked out per paragraph when the cursor first enters it, so opening a long article
costs nothing until the cursor is used.
"""

from __future__ import annotations

from collections.abc import Sequence

from search.sentences import sentence_ranges
from tui.widgets.reading.spans import Range, paragraph_of


class SentenceCursor:
    """A cursor over the sentences of an article body.

    Args:
        body: the article body.
        paragraphs: the paragraphs' ``(start, end)`` body offsets (``spans.paragraph_ranges``).
    """

    def __init__(self, body: str, paragraphs: Sequence[Range]) -> None:
        self._body = body
        self._paragraphs = list(paragraphs)
        self._sentences: dict[int, list[Range]] = {}
        self.paragraph = 0
        self.sentence = 0
        self.active = False

    def sentences_of(self, paragraph: int) -> list[Range]:
        """The sentences of one paragraph (at least the paragraph itself when it has text)."""
        if paragraph not in self._sentences:
            start, end = self._paragraphs[paragraph]
            self._sentences[paragraph] = sentence_ranges(self._body, start, end) or [(start, end)]
        return self._sentences[paragraph]

    @property
    def sentence_span(self) -> Range | None:
        """Body offsets of the sentence under the cursor (None with no paragraphs)."""
        if not self._paragraphs:
            return None
        return self.sentences_of(self.paragraph)[self.sentence]

    @property
    def paragraph_span(self) -> Range | None:
        """Body offsets of the paragraph under the cursor, without its surrounding spaces."""
        if not self._paragraphs:
            return None
        sentences = self.sentences_of(self.paragraph)
        return (sentences[0][0], sentences[-1][1])

    def place_at(self, offset: int) -> None:
        """Put the cursor on the sentence holding body ``offset`` (or the nearest one)."""
        if not self._paragraphs:
            return
        self.active = True
        self.paragraph = paragraph_of(self._paragraphs, offset)
        sentences = self.sentences_of(self.paragraph)
        self.sentence = next(
            (i for i, (_, end) in enumerate(sentences) if offset < end), len(sentences) - 1
        )

    def move_sentence(self, step: int) -> None:
        """Move ``step`` sentences on (negative: back), across paragraphs, stopping at the ends."""
        if not self._paragraphs:
            return
        self.active = True
        for _ in range(abs(step)):
            if step > 0:
                if self.sentence + 1 < len(self.sentences_of(self.paragraph)):
                    self.sentence += 1
                elif self.paragraph + 1 < len(self._paragraphs):
                    self.paragraph += 1
                    self.sentence = 0
            elif self.sentence > 0:
                self.sentence -= 1
            elif self.paragraph > 0:
                self.paragraph -= 1
                self.sentence = len(self.sentences_of(self.paragraph)) - 1

    def move_paragraph(self, step: int) -> None:
        """Move to the first sentence of the paragraph ``step`` paragraphs on (or back)."""
        if not self._paragraphs:
            return
        self.active = True
        self.paragraph = max(0, min(len(self._paragraphs) - 1, self.paragraph + step))
        self.sentence = 0
