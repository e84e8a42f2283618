"""`briefing entity`: one person, organisation or place across the corpus.

Its aliases, the articles naming it, how often it is named per month, and the entities
named in the same sentences, ranked by normalised pointwise mutual information over
articles (so that the names in every article do not simply come first), each with the
sentences that show it. ``--graphml`` and ``--edges`` write its neighbourhood in the
co-occurrence graph for Gephi and the like.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path
from xml.etree import ElementTree

from tui.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    add_corpus_argument,
    fail,
    resolve_corpus,
    safe,
    say,
    warn_if_corrections_ignored,
)
from tui.cli.index_common import ensure_index, open_service
from tui.cli.output import print_json
from tui.plural import counted

SUMMARY = "Show a person, organisation or place: aliases, months, who appears with it"
# How many evidence sentences text output shows per co-occurring entity.
SHOWN_EVIDENCE = 2
_BAR = 30


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        f"{SUMMARY}. NAME is a name as the entity panel shows it or any form it is "
        "written in ('Aliyev' for Ilham Aliyev), in any case; your corrections in the "
        "entities file listed below are applied. Co-occurring entities are those named in "
        "the same sentences at least twice, ranked by normalised PMI over articles: 1 when "
        "two names are only ever seen together, 0 when no more than chance would have it."
    )
    parser.epilog = (
        "--json prints {name, type, aliases, articles, article_ids, mentions, cooccurring}: "
        "mentions is a list of {month, articles, mentions} by the articles' dates, "
        "cooccurring a list of {name, type, count, articles, score, evidence}, evidence a "
        "list of {article_id, sentence, start, end, title} (offsets in the article's body). "
        "--graphml and --edges write the entity, the entities named with it and the edges "
        "between any of them (sentences shared, counted over the whole corpus)."
        f"\n\n{parser.epilog or ''}"
    )
    parser.add_argument("name", metavar="NAME", help="the entity (quote a name of several words)")
    add_corpus_argument(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    export = parser.add_mutually_exclusive_group()
    export.add_argument(
        "--graphml", metavar="FILE", help="also write its co-occurrence graph as GraphML"
    )
    export.add_argument(
        "--edges",
        metavar="FILE",
        help="also write its co-occurrence graph as CSV edges (Source, Target, Weight, …)",
    )


def run(args: argparse.Namespace) -> int:
    warn_if_corrections_ignored()
    service = open_service(resolve_corpus(args))
    ensure_index(service, full=True)
    profile = service.entity(args.name)
    if profile is None:
        fail(
            f"no person, organisation or place named {safe(args.name)!r} in this corpus", EXIT_USAGE
        )
    if args.graphml or args.edges:
        edges = service.cooccurrence_graph(profile.name)
        target = Path(args.graphml or args.edges).expanduser()
        write = _write_graphml if args.graphml else _write_edges
        try:
            write(target, profile, edges)
        except OSError as error:
            fail(f"cannot write {safe(str(target))}: {error.strerror or error}", EXIT_ERROR)
        say(f"wrote {counted(len(edges), 'edge')} to {target}")
    if args.json:
        print_json(_as_json(profile))
    else:
        _print_profile(profile)
    return EXIT_OK


def _as_json(profile) -> dict:
    return {
        "name": profile.name,
        "type": profile.type,
        "aliases": list(profile.aliases),
        "articles": profile.articles,
        "article_ids": list(profile.article_ids),
        "mentions": [
            {"month": m.month, "articles": m.articles, "mentions": m.mentions}
            for m in profile.mentions
        ],
        "cooccurring": [
            {
                "name": c.name,
                "type": c.type,
                "count": c.count,
                "articles": c.articles,
                "score": c.score,
                "evidence": [
                    {
                        "article_id": e.article_id,
                        "sentence": e.sentence,
                        "start": e.start,
                        "end": e.end,
                        "title": e.title,
                    }
                    for e in c.evidence
                ],
            }
            for c in profile.cooccurring
        ],
    }


def _print_profile(profile) -> None:
    aliases = f", also {', '.join(safe(a) for a in profile.aliases)}" if profile.aliases else ""
    named = counted(profile.articles, "article")
    print(f"{safe(profile.name)} ({profile.type}){aliases}: named in {named}")
    if profile.mentions:
        print("\nMentions per month (by the articles' dates)")
        most = max(m.mentions for m in profile.mentions) or 1
        for month in profile.mentions:
            bar = "█" * max(1, round(_BAR * month.mentions / most)) if month.mentions else ""
            counts = f"{counted(month.mentions, 'mention')} in {counted(month.articles, 'article')}"
            print(f"  {month.month}  {bar} {counts}")
    if not profile.cooccurring:
        print("\nNo entity shares two sentences or more with it.")
        return
    print("\nNamed in the same sentences (best score first)")
    for companion in profile.cooccurring:
        shared = (
            f"{counted(companion.count, 'sentence')} in {counted(companion.articles, 'article')}"
        )
        print(f"\n  {safe(companion.name)} ({companion.type})  {companion.score:.2f}  {shared}")
        for evidence in companion.evidence[:SHOWN_EVIDENCE]:
            print(f"     {safe(evidence.sentence)}  [{evidence.article_id}]")


def _write_edges(target: Path, profile, edges) -> None:
    with target.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(
            ["Source", "Target", "Type", "Weight", "Articles", "Score", "SourceType", "TargetType"]
        )
        for edge in edges:
            out.writerow(
                [edge.source, edge.target, "Undirected", edge.count, edge.articles, edge.score]
                + [edge.source_type, edge.target_type]
            )


def _write_graphml(target: Path, profile, edges) -> None:
    namespace = "http://graphml.graphdrawing.org/xmlns"
    root = ElementTree.Element("graphml", xmlns=namespace)
    keys = (
        ("label", "node", "string"),
        ("type", "node", "string"),
        ("weight", "edge", "int"),
        ("articles", "edge", "int"),
        ("score", "edge", "double"),
    )
    for name, owner, kind in keys:
        attributes = {"id": name, "for": owner, "attr.name": name, "attr.type": kind}
        ElementTree.SubElement(root, "key", attributes)
    graph = ElementTree.SubElement(root, "graph", id="cooccurrence", edgedefault="undirected")
    # A node is named by type and name: "Jordan" the person is not "Jordan" the place.
    nodes = {(profile.type, profile.name)}
    for edge in edges:
        nodes.update(((edge.source_type, edge.source), (edge.target_type, edge.target)))
    for entity_type, name in sorted(nodes):
        node = ElementTree.SubElement(graph, "node", id=f"{entity_type}:{name}")
        ElementTree.SubElement(node, "data", key="label").text = name
        ElementTree.SubElement(node, "data", key="type").text = entity_type
    for edge in edges:
        ends = {
            "source": f"{edge.source_type}:{edge.source}",
            "target": f"{edge.target_type}:{edge.target}",
        }
        element = ElementTree.SubElement(graph, "edge", ends)
        for key, value in (("weight", edge.count), ("articles", edge.articles)):
            ElementTree.SubElement(element, "data", key=key).text = str(value)
        ElementTree.SubElement(element, "data", key="score").text = str(edge.score)
    ElementTree.ElementTree(root).write(target, encoding="utf-8", xml_declaration=True)
