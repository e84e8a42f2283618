"""The nodes of a query's syntax tree, as :mod:`search.query.syntax` reads them.

Text nodes (words, phrases, prefixes, wildcards, fuzzy terms), ranges, groups (plain,
``NOT`` and the two-sided operators) and the markers that tagging leaves for the filters
to resolve (brackets, boosts, fuzziness, ``<``/``>``, field names, operators). Their
attributes and flags (``has_fieldname``, ``has_text``, ``has_boost``, ``merging``) are the
ones the filters rely on.
"""

from __future__ import annotations


class SyntaxNode:
    has_fieldname = False
    has_text = False
    has_boost = False
    fieldname: str | None = None

    def is_ws(self) -> bool:
        return False

    def is_text(self) -> bool:
        return False

    def set_fieldname(self, name: str, override: bool = False) -> None:
        if self.has_fieldname and (self.fieldname is None or override):
            self.fieldname = name

    def set_boost(self, boost: float) -> None:
        if self.has_boost:
            self.boost = boost


class Whitespace(SyntaxNode):
    def is_ws(self) -> bool:
        return True


class FieldnameNode(SyntaxNode):
    has_fieldname = True

    def __init__(self, fieldname: str, original: str) -> None:
        self.fieldname = fieldname
        self.original = original


class TextNode(SyntaxNode):
    """A word, phrase, prefix, wildcard or fuzzy term."""

    has_fieldname = has_text = has_boost = True

    def __init__(self, text: str) -> None:
        self.fieldname = None
        self.text = text
        self.boost = 1.0

    def is_text(self) -> bool:
        return True


class WordNode(TextNode):
    pass


class WildcardNode(TextNode):
    pass


class PrefixNode(TextNode):
    pass


class PhraseNode(TextNode):
    def __init__(self, text: str, slop: int = 1) -> None:
        super().__init__(text)
        self.slop = slop


class FuzzyTermNode(TextNode):
    def __init__(self, word: WordNode, maxdist: int, prefixlength: int) -> None:
        super().__init__(word.text)
        self.fieldname, self.boost = word.fieldname, word.boost
        self.maxdist, self.prefixlength = maxdist, prefixlength


class RangeNode(SyntaxNode):
    has_fieldname = has_boost = True

    def __init__(self, start, end, startexcl: bool, endexcl: bool) -> None:
        self.start, self.end = start, end
        self.startexcl, self.endexcl = startexcl, endexcl
        self.boost = 1.0
        self.fieldname = None


class EveryNode(SyntaxNode):
    pass


class GroupNode(SyntaxNode):
    has_boost = True
    merging = True

    def __init__(self, nodes=None, boost: float = 1.0) -> None:
        self.nodes = list(nodes or [])
        self.boost = boost

    def empty_copy(self) -> GroupNode:
        made = type(self)()
        if self.has_boost:
            made.boost = self.boost
        return made

    def set_fieldname(self, name: str, override: bool = False) -> None:
        for node in self.nodes:
            node.set_fieldname(name, override=override)

    def __bool__(self) -> bool:
        return bool(self.nodes)

    def __iter__(self):
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.nodes)

    def __getitem__(self, n):
        return self.nodes[n]

    def __setitem__(self, n, value) -> None:
        self.nodes[n] = value

    def __delitem__(self, n) -> None:
        del self.nodes[n]

    def append(self, node) -> None:
        self.nodes.append(node)

    def extend(self, nodes) -> None:
        self.nodes.extend(nodes)

    def pop(self, *args):
        return self.nodes.pop(*args)


class AndGroup(GroupNode):
    pass


class OrGroup(GroupNode):
    pass


class NotGroup(GroupNode):
    merging = False


class BinaryGroup(GroupNode):
    merging = False
    has_boost = False


class AndNotGroup(BinaryGroup):
    pass


class AndMaybeGroup(BinaryGroup):
    pass


class RequireGroup(BinaryGroup):
    pass


class OpenBracket(SyntaxNode):
    pass


class CloseBracket(SyntaxNode):
    pass


class BoostNode(SyntaxNode):
    def __init__(self, original: str, boost: float) -> None:
        self.original, self.boost = original, boost


class FuzzinessNode(SyntaxNode):
    def __init__(self, maxdist: int, prefixlength: int, original: str) -> None:
        self.maxdist, self.prefixlength, self.original = maxdist, prefixlength, original


class GtLtNode(SyntaxNode):
    def __init__(self, rel: str) -> None:
        self.rel = rel


class Operator(SyntaxNode):
    def __init__(self, text: str, grouptype: type[GroupNode]) -> None:
        self.text, self.grouptype = text, grouptype


class PrefixOperator(Operator):
    def replace_self(self, group: GroupNode, position: int) -> int:
        length = len(group)
        del group[position]
        if position < length - 1:
            group[position] = self.grouptype([group[position]])
        return position


class InfixOperator(Operator):
    def replace_self(self, group: GroupNode, position: int) -> int:
        kind = self.grouptype
        if 0 < position < len(group) - 1:
            left, right = group[position - 1], group[position + 1]
            if kind.merging and isinstance(left, kind):
                left.append(right)
                del group[position : position + 2]
            else:
                group.nodes[position - 1 : position + 2] = [kind([left, right])]
        else:
            del group[position]
        return position


def to_word(node) -> WordNode:
    return WordNode(node.original)
