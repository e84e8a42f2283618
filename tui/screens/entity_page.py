"""The entity page: one entity across the corpus, and who is named with it, with evidence.

Above: its type, its other names, how many articles name it, and a bar per month of how
often they do. Below: the entities that share sentences with it, best score first
(normalised PMI over articles, so the most frequent names do not simply come first),
each with the sentences they share. Enter on a sentence opens the article there, ``s``
quotes it; ``S`` lists the entity's statements and ``T`` its timeline.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.content import Content

from search.models.explore import EntityProfile
from tui.literal import content
from tui.month_chart import chart_lines
from tui.passage import Passage
from tui.plural import counted
from tui.screens.passage_list import PassageListScreen, PassageView, Row, with_title
from tui.widgets.entities.styles import TYPE_NAMES, text_style


def companion_rows(profile: EntityProfile, width: int) -> list[Row]:
    """A heading per co-occurring entity (its figures), then a row per evidence sentence."""
    rows: list[Row] = []
    for other in profile.cooccurring:
        figures = (
            f"  {TYPE_NAMES.get(other.type, other.type).lower()} · "
            f"{counted(other.count, 'sentence')} · "
            f"{counted(other.articles, 'article')} · score {other.score:.2f}"
        )
        heading = Content.assemble(
            content(other.name, f"bold {text_style(other.type)}", one_line=True),
            Content(figures).stylize("$text-muted"),
        )
        rows.append((heading.truncate(width, ellipsis=True), None))
        for evidence in other.evidence:
            line = Content.assemble(Content("    "), content(evidence.sentence, one_line=True))
            passage = Passage(evidence.article_id, evidence.start, evidence.end)
            rows.append((with_title(line, evidence.title, width), passage))
    return rows


def entity_view(profile: EntityProfile, width: int) -> PassageView:
    """The page of ``profile``: its names and months above, its companions below."""
    aliases = [a for a in profile.aliases if a != profile.name]
    also = f"Also named: {', '.join(aliases)}" if aliases else "No other names"
    lead = [content(f"{also} · named in {counted(profile.articles, 'article')}", one_line=True)]
    per_month = {m.month: m.mentions for m in profile.mentions}
    chart = chart_lines(per_month, width, "mentions")
    lead.append(content(chart[0], "$accent" if per_month else "", one_line=True))
    lead.extend(content(line, one_line=True) for line in chart[1:])
    companions = (
        f"Named with it ({len(profile.cooccurring)}): sentences shared, articles,"
        " score (normalised PMI)"
        if profile.cooccurring
        else "No other entity shares enough sentences with it."
    )
    lead.append(content(companions, "bold", one_line=True))
    kind = TYPE_NAMES.get(profile.type, profile.type)
    return PassageView(f"{kind}: {profile.name}", lead, companion_rows(profile, width))


class EntityPageScreen(PassageListScreen):
    """An :func:`entity_view` of ``profile``; ``statements`` and ``timeline`` show the
    entity's own."""

    BINDINGS = [
        Binding("S", "statements", "Statements", tooltip="What this entity said"),
        Binding("T", "timeline", "Timeline", tooltip="The dated sentences of its articles"),
    ]

    def __init__(
        self,
        view: PassageView,
        profile: EntityProfile,
        open_at: Callable[[Passage], object],
        quote: Callable[[Passage], object],
        statements: Callable[[], object],
        timeline: Callable[[], object],
    ) -> None:
        self.profile = profile
        self._statements = statements
        self._timeline = timeline
        super().__init__(view, open_at, quote)

    def action_statements(self) -> None:
        self._statements()

    def action_timeline(self) -> None:
        self._timeline()
