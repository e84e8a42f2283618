"""Web chrome: the navigation, sharing and footer lines a saved web page carries.

Three general rules, applied to lines before they become paragraphs:

* lines that are chrome on their own ("Leave a Reply", "Back to top button",
  "Views: 365", share/print/copy-link lines, copyright lines, newsletter boxes);
* runs of short lines made of social-network names and menu words (a site menu);
* a page's header and footer zones: labels among several chrome lines at the
  top, everything short after the first chrome line near the end, and a site
  label repeated at the top and at the bottom.

Removed lines become blank lines, so paragraph boundaries stay where they were.
"""

from __future__ import annotations

import re

_CHROME_LINE = re.compile(
    r"""^(?:
        leave\ a\ (?:reply|comment)
      | \d*\s*comments?
      | back\ to\ top(?:\ button)?
      | your\ email\ address\ will\ not\ be\ published\.?.*
      | required\ fields\ are\ marked.*
      | (?:newsletter|subscribe)(?:\ sign[\ -]?up|\ now|\ to\ our\ newsletter)?!?
      | (?:subscribe|sign\ up)\ (?:to|for)\ (?:our|the)\ newsletter.*
      | views?:?\s*[\d\s.,]+k?
      | [\d\s.,]+k?\ views
      | share(?:-line)?(?:\ (?:this|on\ \w+))?:?
      | print(?:\ this)?(?:\ (?:article|page|story))?
      | copy(?:\ the)?\ link | link\ copied | ссылка\ скопирована | ссылка\ скопирована!
      | (?:related|read\ more|read\ also|also\ read|see\ also|more\ news|latest\ news)
        (?:\ (?:articles|news|stories|posts))?:?
      | what\ are\ you\ looking\ for\s*\??
      | any\ use\ of\ materials\ .*
      | all\ rights\ reserved\.?.*
      | skip\ to\ (?:main\ )?content
      | (?:this\ (?:web)?site|we)\ uses?\ cookies.*
      | accept(?:\ all)?\ cookies
      | follow\ us(?:\ on\ .*)?
      | a\s?[+-]
      | loading\.*
      | ads?|advertisement
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# "Liked the story? Share it on social media!": only on a short line, since a
# sentence of an article may well say that users share something on Facebook.
_SHARE_PROMPT = re.compile(
    r".*\bshare\ (?:it|this)(?:\ (?:story|article|post))?\ on\ (?:social\ media|\w+)[!.]?$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MENU_WORDS = frozenset(
    """twitter x youtube instagram facebook telegram whatsapp linkedin tiktok vk
    vkontakte odnoklassniki ok pinterest reddit rss threads mastodon flickr tumblr
    viber snapchat email e-mail search menu home login logout register subscribe
    contacts contact about donate""".split()  # noqa: SIM905
) | frozenset({"apple store", "app store", "play market", "google play", "log in", "sign in"})
_SOCIAL = frozenset(
    """twitter youtube instagram facebook telegram whatsapp linkedin tiktok vk
    vkontakte odnoklassniki pinterest reddit rss mastodon flickr tumblr viber
    snapchat""".split()  # noqa: SIM905
)
_EDGE_LINES = 40
_SHORT_WORDS = 12
_LABEL_WORDS = 3


def is_chrome_line(line: str) -> bool:
    """Whether a single line is page furniture rather than article text.

    Args:
        line: one stripped line.

    Returns:
        True for share/print/comment/newsletter/view-count/copyright lines.
    """
    if not line or len(line) > 200:
        return False
    if _CHROME_LINE.match(line) or is_copyright_line(line):
        return True
    return line.count(" ") < _SHORT_WORDS and bool(_SHARE_PROMPT.match(line))


def is_copyright_line(line: str) -> bool:
    """Whether a line is a copyright notice ("Caliber.az © 2025.")."""
    if line.count(" ") >= 20 or len(line) > 200:
        return False
    low = line.lower()
    if "©" not in line and "(c)" not in low and "copyright" not in low:
        return False
    return bool(_COPYRIGHT.search(line) and _YEAR.search(line))


def remove_chrome(lines: list[str]) -> list[str]:
    """Blank out chrome lines, menu runs and the header and footer zones.

    Args:
        lines: stripped lines of one file ("" for blank lines).

    Returns:
        The same number of lines, chrome replaced by "".
    """
    out = list(lines)
    flags = [is_chrome_line(line) for line in out]
    _flag_menu_runs(out, flags)
    _flag_edges(out, flags)
    return ["" if flag else line for line, flag in zip(out, flags, strict=True)]


def _is_short(line: str) -> bool:
    return line.count(" ") < _SHORT_WORDS and not line.endswith((".", "!", "?", '"', "”"))


def _is_label(line: str) -> bool:
    """A section or site label: a few words, not a sentence ("POLITICS", "Caliber.Az")."""
    return line.count(" ") < _LABEL_WORDS and _is_short(line)


def _menu_word(line: str) -> bool:
    word = line.lower().strip(" :|•·")
    return (
        word in _MENU_WORDS or word in _SOCIAL or (len(word) <= 3 and word.isalpha()) or "_" in word
    )


def _flag_menu_runs(lines: list[str], flags: list[bool]) -> None:
    """A run of 3+ short one-to-three-word lines naming 2+ social networks is a menu.

    Blank lines may separate the items (menus extracted from web pages).
    """
    run: list[int] = []
    for i, line in enumerate(lines):
        if not line:
            continue
        if line.count(" ") < 3 and len(line) <= 25:
            run.append(i)
            continue
        _flag_menu(run, lines, flags)
        run = []
    _flag_menu(run, lines, flags)


def _flag_menu(run: list[int], lines: list[str], flags: list[bool]) -> None:
    if len(run) >= 3 and sum(lines[j].lower() in _SOCIAL for j in run) >= 2:
        for j in run:
            if _menu_word(lines[j]):
                flags[j] = True


def _flag_edges(lines: list[str], flags: list[bool]) -> None:
    filled = [i for i, line in enumerate(lines) if line]
    if not filled:
        return
    head = filled[:_EDGE_LINES]
    marks = [i for i in head if flags[i]]
    # A header zone holds several chrome lines and, between them, only labels
    # ("POLITICS", "ru"): a headline before a lone "Share" line is kept.
    for mark in reversed(marks[1:]):
        if all(flags[i] or _is_label(lines[i]) for i in head if i < mark):
            for i in head:
                if i <= mark:
                    flags[i] = True
            break
    tail = filled[-_EDGE_LINES:]
    for mark in [i for i in tail if flags[i]]:
        if all(flags[i] or _is_short(lines[i]) for i in tail if i > mark):
            _flag_footer(lines, flags, tail, mark)
            break
    _flag_repeated_label(lines, flags, filled)


def _flag_footer(lines: list[str], flags: list[bool], tail: list[int], mark: int) -> None:
    """Flag the footer from ``mark`` on, plus up to three labels just before it."""
    cut = mark
    for i in reversed([i for i in tail if i < mark][-3:]):
        if not _is_label(lines[i]) or lines[i].startswith(("http://", "https://")):
            break
        cut = i
    for i in tail:
        if i >= cut:
            flags[i] = True


def _flag_repeated_label(lines: list[str], flags: list[bool], filled: list[int]) -> None:
    """A short first line that the page repeats near its end is a site label."""
    first = next((i for i in filled if not flags[i]), None)
    if first is None or not _is_label(lines[first]):
        return
    label = lines[first].casefold()
    if any(lines[i].casefold() == label for i in filled[-15:] if i != first):
        flags[first] = True
        for i in filled[-15:]:
            if lines[i].casefold() == label:
                flags[i] = True
