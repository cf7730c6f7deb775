"""Glossary abbreviations, explained where they appear: `abbr` definitions for each page.

The glossary's terms are checked once (`Abbreviations`); each page, and each editor's
Markdown field (render/markdown.py), gets the definitions of only the terms it contains.
"""

from __future__ import annotations

import html
import re

_ABBREVIATION_TERM = re.compile(r"^[^\[\]<>&\n*\\]+$")
# Line breaks (\r, \n, \x85, U+2028, U+2029) and every other control character (Unicode
# category Cc): one would end a definition line early and turn the rest into page Markdown.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Python-Markdown's own placeholders (STX wzxhzdk:12 ETX for stashed HTML, STX 42 ETX for
# a backslash escape, STX amp ETX ...) are text when `abbr` runs: a term that matches
# inside one would break the markup of every page it is on.
_PLACEHOLDER_TERM = re.compile(r"(?:(?:wzxhzdk|klzzwxh|hzzhzkh)?:?)?\d*|amp")
_WORD = re.compile(r"[^\W_]+")


class Abbreviations:
    """The glossary's abbreviations, checked once and indexed by their first word.

    `used_in(text)` names the terms that may occur in a text in time linear in the text:
    `abbr` marks a term only between word boundaries, and Markdown only removes
    punctuation, underscores and white space around the words it keeps, so a term whose
    first word (letters and digits) is not a whole word of the source cannot be marked
    there. Giving `abbr` just those terms renders exactly what the whole glossary would.
    """

    def __init__(self, abbreviations: dict[str, str]):
        self.titles: dict[str, str] = {}
        for term, expansion in abbreviations.items():
            term = term.strip()
            if (
                not _ABBREVIATION_TERM.match(term)
                or _CONTROL.search(term)
                or _CONTROL.search(expansion)
                or _PLACEHOLDER_TERM.fullmatch(term)
            ):
                continue
            # The title is an attribute, not Markdown: HTML-escape it, add no backslashes.
            title = html.escape(" ".join(expansion.split()))
            if title:
                self.titles.setdefault(term, title)
        self._order = {term: i for i, term in enumerate(self.titles)}
        self._by_word: dict[str, list[str]] = {}
        self._others: list[str] = []
        for term in self.titles:
            word = _WORD.match(term)
            if word:
                self._by_word.setdefault(word.group(), []).append(term)
            else:
                self._others.append(term)

    def used_in(self, text: str) -> dict[str, str]:
        """The terms (with their titles) that may occur in `text`, in glossary order."""
        found = [
            term
            for word in set(_WORD.findall(text)) & self._by_word.keys()
            for term in self._by_word[word]
        ]
        if self._others:
            # Markdown expands tabs before it parses; the rare term that does not start
            # with a letter or digit is looked for as written.
            expanded = text.expandtabs(4)
            found.extend(term for term in self._others if term in expanded)
        found.sort(key=self._order.__getitem__)
        return {term: self.titles[term] for term in found}

    def definitions(self, text: str) -> str:
        """`abbr` definition lines for the terms in `text`, for MkDocs to apply to the page.

        Separated by blank lines: Python-Markdown re-reads a block of definition lines
        once per line, so a block of n lines costs n² and a glossary page with 1,000 terms
        took 1.5 s alone; one definition per block is linear.
        """
        return abbreviation_lines(self.used_in(text), escaped=True)


def abbreviation_lines(abbreviations: dict[str, str], *, escaped: bool = False) -> str:
    """Definitions for the `abbr` extension, so glossary terms are explained where they appear.

    A term that could break the definition syntax (and so be shown as raw Markdown or
    HTML) is left out; the glossary page still explains it. `escaped` says the titles
    come from `Abbreviations` (already checked and HTML-escaped).
    """
    titles = abbreviations if escaped else Abbreviations(abbreviations).titles
    return "\n\n".join(f"*[{term}]: {title}" for term, title in titles.items()) + (
        "\n" if titles else ""
    )


def with_definitions(text: str, abbreviations: Abbreviations) -> str:
    """A page with the `abbr` definitions of the terms it contains appended, for MkDocs."""
    definitions = abbreviations.definitions(text)
    return f"{text}\n{definitions}" if definitions else text
