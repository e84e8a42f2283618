"""Reading the query language into a syntax tree, the way readers have always been answered.

The language grew up as Whoosh's query parser configured for this app (a multifield
parser over title and body with fuzzy terms, ``>``/``<`` ranges and field aliases).
Readers rely on its every reading, odd ones included: ``a^2 OR b`` boosts ``b`` too,
``(a b) AND c`` joins ``c`` to the group, an unknown ``field:`` is text. So this module
follows that parser's own two passes, with no Whoosh import:

1. *Tagging*: at each position the taggers are tried in a fixed order (operators, then
   quotes, field names, wildcards, phrases, brackets, boosts, fuzziness, ``<``/``>``,
   ranges, white space); text between two tags becomes a word.
2. *Filters*, in order: brackets into groups, stray boosts into words, fuzzy terms,
   wildcards and prefixes, field aliases, ``<``/``>`` ranges, field names onto what
   follows them, unfielded nodes over title and body, white space out, boosts onto what
   precedes them, and last the operators, each kind left to right.

:func:`read` returns the resulting group; :mod:`search.query.parser` turns it into the
neutral tree. ``tests/unit/test_query_equivalence.py`` checks the readings against
Whoosh's parser on an index.
"""

from __future__ import annotations

import copy
import re

from search.query.syntax_nodes import (
    AndGroup,
    AndMaybeGroup,
    AndNotGroup,
    BoostNode,
    CloseBracket,
    EveryNode,
    FieldnameNode,
    FuzzinessNode,
    FuzzyTermNode,
    GroupNode,
    GtLtNode,
    InfixOperator,
    NotGroup,
    OpenBracket,
    Operator,
    OrGroup,
    PhraseNode,
    PrefixNode,
    PrefixOperator,
    RangeNode,
    RequireGroup,
    SyntaxNode,
    TextNode,
    Whitespace,
    WildcardNode,
    WordNode,
    to_word,
)
from search.query.tree import FIELDS, TEXT_FIELDS

FIELD_ALIASES = {
    "person": ["people"],
    "org": ["organisation", "organization"],
    "place": ["location", "country", "city"],
    "date": ["published"],
}
_ALIAS_OF = {alias: field for field, aliases in FIELD_ALIASES.items() for alias in aliases}
_QMARKS = "?\u055e\u061f\u1367"  # ? and the Armenian, Arabic and Ethiopic question marks


class QuerySyntaxError(ValueError):
    """Text the language cannot read; the message says why, on one line."""


# Tagging -----------------------------------------------------------------------------


def _operator(kind: type[Operator], group: type[GroupNode]):
    return lambda match: kind(match.group(0), group)


def _boost(match) -> SyntaxNode:
    try:
        return BoostNode(match.group(0), float(match.group("boost")))
    except ValueError:  # "^" with no number is a word
        return WordNode(match.group(0))


def _fuzziness(match) -> FuzzinessNode:
    maxdist, prefix = match.group("maxdist"), match.group("prefix")
    return FuzzinessNode(int(maxdist) if maxdist else 1, int(prefix) if prefix else 0, match[0])


def _range(match) -> RangeNode:
    start, end = match.group("start"), match.group("end")
    if start:
        start = start.rstrip()
        if start.startswith("'") and start.endswith("'"):
            start = start[1:-1]
    if end:
        end = end.lstrip()
        if end.startswith("'") and end.endswith("'"):
            end = end[1:-1]
    return RangeNode(start, end, match.group("open") == "{", match.group("close") == "}")


_RANGE = r"""
    (?P<open>\{|\[)
    (?P<start>('[^']*?'\s+)|([^\]}]+?(?=[Tt][Oo])))?
    [Tt][Oo]
    (?P<end>(\s+'[^']*?')|([^\]}]+?))?
    (?P<close>}|])
"""
_FUZZY = r"(?<=\S)~(?P<maxdist>[0-9])?(/(?P<prefix>[1-9][0-9]*))?"
# In the order they are tried at each position.
_TAGGERS = [
    (r"(?<=\s)ANDNOT(?=\s)", _operator(InfixOperator, AndNotGroup)),
    (r"(?<=\s)ANDMAYBE(?=\s)", _operator(InfixOperator, AndMaybeGroup)),
    (r"[*]:[*]", lambda match: EveryNode()),
    (
        r"(^|(?<=\W))'(?P<text>.*?)'(?=\s|\]|[)}]|$)",
        lambda match: WordNode(match.group("text")),
    ),
    (r"(?P<text>\w+|[*]):", lambda match: FieldnameNode(match.group("text"), match.group(0))),
    (f"(?P<text>[*{_QMARKS}])", lambda match: WildcardNode(match.group("text"))),
    (
        r'"(?P<text>.*?)"(~(?P<slop>[1-9][0-9]*))?',
        lambda match: PhraseNode(match.group("text"), int(match.group("slop") or 1)),
    ),
    (r"[(]", lambda match: OpenBracket()),
    (r"[)]", lambda match: CloseBracket()),
    (r"(^|(?<=(\s|[()])))NOT(?=\s)", _operator(PrefixOperator, NotGroup)),
    (r"(?<=\s)AND(?=\s)", _operator(InfixOperator, AndGroup)),
    (r"(?<=\s)OR(?=\s)", _operator(InfixOperator, OrGroup)),
    (r"(^|(?<=\s))REQUIRE(?=\s)", _operator(InfixOperator, RequireGroup)),
    (r"\^(?P<boost>[0-9]*(\.[0-9]+)?)($|(?=[ \t\r\n)]))", _boost),
    (_FUZZY, _fuzziness),
    (r"(?P<rel>(<=|>=|<|>|=<|=>))", lambda match: GtLtNode(match.group("rel"))),
    (_RANGE, _range),
    (r"\s+", lambda match: Whitespace()),
]
_COMPILED = [
    (re.compile(pattern, re.VERBOSE if pattern in (_RANGE,) else 0), make)
    for pattern, make in _TAGGERS
]
# Operators are applied kind by kind in this order (NOT first, binding to what follows).
_OPERATOR_ORDER = [
    (PrefixOperator, NotGroup),
    (InfixOperator, AndGroup),
    (InfixOperator, OrGroup),
    (InfixOperator, AndNotGroup),
    (InfixOperator, AndMaybeGroup),
    (InfixOperator, RequireGroup),
]


def _tag(text: str) -> AndGroup:
    stack: list[SyntaxNode] = []
    prev = pos = 0
    while pos < len(text):
        for expr, make in _COMPILED:
            match = expr.match(text, pos)
            if match:
                if prev < pos:
                    stack.append(WordNode(text[prev:pos]))
                stack.append(make(match))
                prev = pos = match.end()
                break
        else:
            pos += 1
    if prev < len(text):
        stack.append(WordNode(text[prev:]))
    return AndGroup(stack)


# Filters -----------------------------------------------------------------------------


def _groups(group: GroupNode) -> GroupNode:
    stack = [AndGroup()]
    for node in group:
        if isinstance(node, OpenBracket):
            stack.append(AndGroup())
        elif isinstance(node, CloseBracket):
            if len(stack) > 1:
                last = stack.pop()
                stack[-1].append(last)
        else:
            stack[-1].append(node)
    top = stack[0]
    for level in stack[1:]:  # unclosed brackets: their contents join the top level
        top.extend(level)
    if len(top) == 1 and isinstance(top[0], GroupNode):
        boost = top.boost
        top = top[0]
        top.boost = boost
    return top


def _clean_boosts(group: GroupNode) -> GroupNode:
    for i, node in enumerate(group):
        if isinstance(node, BoostNode) and (not i or not group[i - 1].has_boost):
            group[i] = to_word(node)
    return group


def _fuzzy_terms(group: GroupNode) -> GroupNode:
    made = group.empty_copy()
    i = 0
    while i < len(group):
        node = group[i]
        if i < len(group) - 1 and isinstance(node, WordNode):
            following = group[i + 1]
            if isinstance(following, FuzzinessNode):
                node = FuzzyTermNode(node, following.maxdist, following.prefixlength)
                i += 1
        if isinstance(node, FuzzinessNode):
            node = to_word(node)
        if isinstance(node, GroupNode):
            node = _fuzzy_terms(node)
        made.append(node)
        i += 1
    return made


def _wildcards(group: GroupNode) -> GroupNode:
    i = 0
    while i < len(group):
        node = group[i]
        if isinstance(node, WildcardNode):
            if i < len(group) - 1 and group[i + 1].is_text():
                node.text += group.pop(i + 1).text
            if i > 0 and group[i - 1].is_text():
                node.text = group.pop(i - 1).text + node.text
            else:
                i += 1
        else:
            if isinstance(node, GroupNode):
                _wildcards(node)
            i += 1
    for i, node in enumerate(group):
        if isinstance(node, WildcardNode):
            text = node.text
            if (
                len(text) > 1
                and not any(q in text for q in _QMARKS)
                and text.find("*") == len(text) - 1
            ):
                group[i] = PrefixNode(text[:-1])
    return group


def _aliases(group: GroupNode) -> GroupNode:
    for i, node in enumerate(group):
        if isinstance(node, GroupNode):
            group[i] = _aliases(node)
        elif node.has_fieldname and node.fieldname in _ALIAS_OF:
            node.set_fieldname(_ALIAS_OF[node.fieldname], override=True)
    return group


def _gtlt(group: GroupNode) -> GroupNode:
    made = group.empty_copy()
    i, last = 0, len(group) - 1
    while i < len(group):
        node = group[i]
        if isinstance(node, GtLtNode):
            if i < last:
                if not made:
                    raise QuerySyntaxError(f"{node.rel} needs a field before it, e.g. date:>2024")
                before, after = made[-1], group[i + 1]
                if isinstance(before, FieldnameNode) and after.has_text:
                    made.append(_gtlt_range(after, node.rel))
                    i += 1
        elif isinstance(node, GroupNode):
            made.append(_gtlt(node))
        else:
            made.append(node)
        i += 1
    return made


def _gtlt_range(node: TextNode, rel: str) -> RangeNode:
    text = node.text
    if rel == "<":
        return RangeNode(None, text, False, True)
    if rel == ">":
        return RangeNode(text, None, True, False)
    if rel in ("<=", "=<"):
        return RangeNode(None, text, False, False)
    return RangeNode(text, None, False, False)


def _fieldnames(group: GroupNode) -> GroupNode:
    # A field the language does not know is text: "foo:bar" is the words foo and bar.
    known = group.empty_copy()
    unknown = None
    for node in group:
        if isinstance(node, FieldnameNode) and node.fieldname not in FIELDS:
            unknown = node
            continue
        if unknown is not None:
            if node.has_text:
                node.text = unknown.original + node.text
            else:
                known.append(to_word(unknown))
            unknown = None
        known.append(node)
    if unknown is not None:
        known.append(to_word(unknown))
    group = known

    made = group.empty_copy()
    i = len(group)
    while i > 0:
        i -= 1
        node = group[i]
        if isinstance(node, FieldnameNode):
            node = to_word(node)  # nothing fieldable after it
        elif isinstance(node, GroupNode):
            node = _fieldnames(node)
        if i > 0 and not node.is_ws() and isinstance(group[i - 1], FieldnameNode):
            node.set_fieldname(group[i - 1].fieldname, override=False)
            i -= 1
        made.append(node)
    made.nodes.reverse()
    return made


def _multifield(group: GroupNode) -> GroupNode:
    for i, node in enumerate(group):
        if isinstance(node, GroupNode):
            group[i] = _multifield(node)
        elif node.has_fieldname and node.fieldname is None:
            copies = []
            for name in TEXT_FIELDS:
                made = copy.copy(node)
                made.set_fieldname(name)
                made.set_boost(1.0)
                copies.append(made)
            group[i] = OrGroup(copies)
    return group


def _no_whitespace(group: GroupNode) -> GroupNode:
    made = group.empty_copy()
    for node in group:
        if isinstance(node, GroupNode):
            made.append(_no_whitespace(node))
        elif not node.is_ws():
            made.append(node)
    return made


def _boosts(group: GroupNode) -> GroupNode:
    made = group.empty_copy()
    for node in group:
        if isinstance(node, GroupNode):
            node = _boosts(node)
        elif isinstance(node, BoostNode):
            if made and made[-1].has_boost:
                made[-1].set_boost(node.boost)
                continue
            node = to_word(node)
        made.append(node)
    return made


def _operators(group: GroupNode) -> GroupNode:
    for optype, grouptype in _OPERATOR_ORDER:
        i = 0
        while i < len(group):
            node = group[i]
            if isinstance(node, optype) and node.grouptype is grouptype:
                i = node.replace_self(group, i)
            else:
                i += 1
    for i, node in enumerate(group):
        if isinstance(node, GroupNode):
            group[i] = _operators(node)
    return group


_FILTERS = [
    _groups,
    _clean_boosts,
    _fuzzy_terms,
    _wildcards,
    _aliases,
    _gtlt,
    _fieldnames,
    _multifield,
    _no_whitespace,
    _boosts,
    _operators,
]


def read(text: str) -> GroupNode:
    """The syntax tree of a query string.

    Args:
        text: The query, ``-word`` already rewritten as ``NOT word``.

    Returns:
        The top group; every text node has its field (title and body copies for an
        unfielded one) and every operator has become a group.

    Raises:
        QuerySyntaxError: where the language has always failed (``>a`` at the start of a
            group); the parser reports it as a query it cannot understand.
    """
    group: GroupNode = _tag(text)
    for step in _FILTERS:
        group = step(group)
    return group
