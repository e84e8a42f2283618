"""Names that machine-translated text ran together, told apart.

Text that lost its full stops and commas glues names into one capitalised run:
"President Ilham Aliyev Moscow signed", "Antony Blinken Ilham Aliyev discussed",
"Ukraine To Azerbaijan", "Europe Washington". These rules find where a second name
starts, and never cut inside a known name or a listed person's full name.
"""

from __future__ import annotations

import re
from functools import cache

from search.entities.cues import (
    CLOSED_CLASS,
    COMMON_CAPITALISED,
    COMPASS,
    ENDS_NAME,
    NAME_PARTICLES,
    NOT_ENTITY_HEADS,
    ORG_HEADS,
    PLACE_HEADS,
    PRONOUNS,
    SURNAME_ENDING,
)
from search.entities.lexicon import lexicon

# An acronym glued to a lower-case word by a bad conversion ("USAof", "USeless").
_GLUED = re.compile(r"[A-Z]{2,}[a-z]{2,}")
_LINKING_PARTICLES = frozenset(["for", "in", "on", "at"])
# A news site named by its address ("Caliber.Az", "News.am") opens a name of its own.
WEB_NAME = re.compile(r"[A-Z][\w-]*\.(?:[Aa]z|[Aa]m|[Gg]e|[Rr]u|[Cc]om|[Kk]z|[Uu]z|[Ii]r|[Tt]r)")
# What a leader's name is an adjective for: "the Bush Presidency", "the Putin era".
_OF_A_LEADER = frozenset(
    ["presidency", "administration", "era", "regime", "government", "doctrine", "family"]
)


def lost_sentence_break(tokens: list[tuple[int, str]], index: int, known: dict) -> bool:
    """A capitalised function word inside a run where punctuation went missing: always
    a pronoun ("Aliyev He stressed"), a preposition or conjunction only beside a known
    name ("Ukraine To Azerbaijan"; "League Against Cruel Sports" is one name)."""
    word = tokens[index][1]
    if _past_verb_before_leader(tokens, index):
        return True  # "on March 18 Inspiration Congratulated Aliyev on Novruz"
    if word not in CLOSED_CLASS:
        return False
    if word in PRONOUNS:
        return True
    neighbours = [tokens[i][1] for i in (index - 1, index + 1) if 0 <= i < len(tokens)]
    return any(neighbour in known for neighbour in neighbours)


def _past_verb_before_leader(tokens: list[tuple[int, str]], index: int) -> bool:
    """A capitalised English verb in the past tense right before a listed leader's name
    ("Congratulated Aliyev"): machine translation lost the full stop before it."""
    word = tokens[index][1]
    if index + 1 >= len(tokens) or not word.endswith("ed") or len(word) < 6:
        return False
    following = tokens[index + 1][1]
    if following in lexicon().given_names:
        return False
    common = lexicon().common_words
    stem = word[:-2].lower()
    verb = stem in common or stem + "e" in common
    return verb and word not in ORG_HEADS and following in listed_surnames()


def is_noise(word: str, known: dict) -> bool:
    """Text glued by a bad conversion ("USAof", "USeless") or a long link token."""
    if len(word) > 40 or "_" in word:
        return True
    glued = word[1:2].isupper() and _GLUED.fullmatch(word)  # two capitals open a glued word
    return bool(glued and word not in known)


def split_run_together(tokens: list[tuple[int, str]], known: dict) -> list[list]:
    """Cut a piece where a second name starts with no punctuation before it.

    Machine-translated text drops full stops and commas: "President Ilham Aliyev
    Moscow signed", "Anthony Blinken Ilham Aliyev discussed", "Europe Washington". A
    known place or person right after a person-shaped pair or another known name
    starts a new piece; so does a second given name after a full name; so does a
    name after a known place, when it is not an organisation's or a place's head.
    """
    words = [word for _, word in tokens]
    if len(words) < 2 or " ".join(words) in known:
        return [tokens]
    given = lexicon().given_names
    for at in range(1, len(words)):
        before = words[:at]
        starts_known = any(
            known.get(" ".join(words[at:end]), ("",))[0] in ("PLACE", "PERSON")
            for end in range(len(words), at, -1)
        )
        if before[-1] in NAME_PARTICLES:
            # "Washington for Baku": two places joined by a particle, not one name.
            linking = before[-1] in _LINKING_PARTICLES  # not "of": "Gulf of Mexico"
            if linking and starts_known and _known_type(before[:-1], known) == "PLACE":
                return [tokens[: at - 1], *split_run_together(tokens[at:], known)]
            continue
        second_person = (
            words[at] in given
            and _ends_in_full_name(before, given)
            and at + 1 < len(words)
            and is_surname(words[at + 1])
            and words[at + 1] not in ENDS_NAME  # "Martin Luther King Jr."
        )
        before_type = _known_type(before, known)
        after_known = before_type in ("PERSON", "PLACE") and (
            _known_type(words[at:], known) or _person_shaped(words[at:], given)
        )
        after_organisation = before[-1] in ORG_HEADS and (
            _person_shaped(words[at:], given)
            or (len(words) - at == 2 and words[at] in given and is_surname(words[at + 1]))
        )  # "Foreign Ministry Maria Zakharova"
        rest = words[at:]
        after_person = before_type == "PERSON" and not (
            len(rest) == 1
            and (rest[0] in ORG_HEADS or rest[0] in NOT_ENTITY_HEADS or rest[0] in ENDS_NAME)
        )  # "Biden International Caspian Oil", but "Trump Organization", "Putin Doctrine"
        # "Blinken and Aliyev Development of democratic processes": a listed leader's
        # surname, then an English word that opens the next phrase.
        after_person = after_person or (
            before[-1] in listed_surnames()
            and before[-1] not in given  # "Howard Hughes" is no "John Howard"
            and len(rest) == 1
            and rest[0].lower() in lexicon().common_words
            and rest[0].lower() not in _OF_A_LEADER
            and not any(rest[0] in heads for heads in (ORG_HEADS, NOT_ENTITY_HEADS, PLACE_HEADS))
        )
        # "Astana Caliber.Az": a news site after a name opens a name of its own
        cut = (
            # "West Yorkshire Police": a compass word opens the place after it
            (starts_known and _ends_name(before, known, given) and before[-1] not in COMPASS)
            or (starts_known and before[-1] in NOT_ENTITY_HEADS)  # "Islamic Revolution Iran"
            or (len(rest) == 1 and "." in rest[0] and WEB_NAME.fullmatch(rest[0]) is not None)
            or second_person
            or after_known
            or after_organisation
            or after_person
        )
        if cut and not _inside_known(words, at, known):
            return [tokens[:at], *split_run_together(tokens[at:], known)]
    return [tokens]


@cache
def listed_surnames() -> frozenset[str]:
    """The surnames of the listed heads of state and ministers ("Aliyev", "Putin")."""
    return frozenset(name.split()[-1] for name in lexicon().people.values())


def _known_type(words: list[str], known: dict) -> str:
    return known.get(" ".join(words), ("",))[0]


def _inside_known(words: list[str], at: int, known: dict) -> bool:
    """Whether a known name runs across the cut before ``words[at]`` ("Ararat Mirzoyan")."""
    people = lexicon().people
    return any(
        " ".join(words[start:end]) in known or " ".join(words[start:end]) in people
        for start in range(max(0, at - 3), at)
        for end in range(at + 1, min(len(words), at + 3) + 1)
    )


def _ends_name(words: list[str], known: dict, given: frozenset[str]) -> bool:
    """Whether ``words`` end in a known place or person, or a given name and a surname."""
    if any(known.get(" ".join(words[-k:]), ("",))[0] in ("PLACE", "PERSON") for k in (1, 2, 3)):
        return True
    return _ends_in_full_name(words, given)


def _ends_in_full_name(words: list[str], given: frozenset[str]) -> bool:
    """A given name and a capitalised word: "Alexei Miller" (the given name is the
    evidence, so the surname may also be an English word)."""
    if len(words) < 2 or words[-2] not in given or not words[-1][:1].isupper():
        return False
    last = words[-1]
    # "Pedro Nuno" are two given names: the surname ("Santos") is still to come.
    return not (
        last in given or last in COMMON_CAPITALISED or last in ORG_HEADS or last in PLACE_HEADS
    )


def _person_shaped(words: list[str], given: frozenset[str]) -> bool:
    """One to three words that read as a person's name and as nothing else."""
    if not 1 <= len(words) <= 3 or any(w in ORG_HEADS or w in PLACE_HEADS for w in words):
        return False
    if len(words) == 1 and not SURNAME_ENDING.search(words[0]):
        return False
    frequent = lexicon().frequent
    return all(w[:1].isupper() and w.lower() not in frequent for w in words)


def is_surname(word: str) -> bool:
    """A capitalised word that is not an everyday word ("Biden" yes, "Events" no)."""
    return (
        word[:1].isupper()
        and word.lower() not in lexicon().very_common
        and word not in ORG_HEADS
        and word not in PLACE_HEADS
    )
