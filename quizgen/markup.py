"""Marks an encyclopedia page leaves in its text: MediaWiki's script-conversion markup
(`-{zh-hans:…; zh-hant:…}-`), edit links beside headings (`[编辑]`, `[edit]`) and footnote
markers (`[1]`, `[2-3]`, `[注 1]`, `[來源請求]`).

The clean stage calls these on every block before it tells body from furniture, so that no
question, option or page shows them.
"""

from __future__ import annotations

import re

_CONVERSION = re.compile(r"-\{(.*?)\}-", re.S)
_VARIANT = re.compile(r"^\s*(zh(?:-[a-z]+)?)\s*:\s*(.*)$", re.I | re.S)
_PREFERENCES = {
    "Hans": ("zh-hans", "zh-cn", "zh-sg", "zh-my", "zh"),
    "Hant": ("zh-hant", "zh-tw", "zh-hk", "zh-mo", "zh"),
}
_RULE_ONLY = {"H", "T", "-"}  # flags whose markup defines a rule and shows nothing
_EDIT_LINK = re.compile(
    r"\s*[\[［【]\s*(?:编辑|編輯|编辑源代码|編輯原始碼|编辑源码|edit|edit source)\s*[\]］】]\s*", re.I)
_FOOTNOTE = re.compile(
    r"(?<=\S)\s*(?:\[\s*(?:\d{1,3}(?:\s*[-–,，]\s*\d{1,3})*|(?:注|註|note)\s*\d{1,3}"
    r"|来源请求|來源請求|需要引用|需要來源|citation needed)\s*\]|\^\s*\d{1,3})", re.I)

_BEFORE_MARK = re.compile(r"\s+(?=[，。；、：！？）])")


def resolve_conversions(text: str, script: str = "Hans") -> str:
    """`-{zh-hans: A; zh-hant: B}-` → the variant for the text's own script; `-{A}-` → A;
    rule-only markup (`-{H|…}-`, `-{T|…}-`) → nothing."""
    if "-{" not in text:
        return text
    preferences = _PREFERENCES.get(script, _PREFERENCES["Hans"])

    def variant(match: re.Match) -> str:
        body = match.group(1)
        flags, bar, rest = body.partition("|")
        if bar and re.fullmatch(r"[A-Za-z\-;\s]{1,6}", flags):
            if flags.strip() in _RULE_ONLY:
                return ""
            body = rest
        variants = {}
        for part in body.split(";"):
            found = _VARIANT.match(part)
            if found:
                variants.setdefault(found.group(1).lower(), found.group(2).strip())
        if not variants:
            return body
        for code in preferences:
            if code in variants:
                return variants[code]
        return next(iter(variants.values()))

    return _CONVERSION.sub(variant, text)


def strip_edit_links(text: str) -> str:
    """"简介[编辑]" → "简介"."""
    return _EDIT_LINK.sub("", text).strip() if "[" in text or "［" in text or "【" in text else text


def strip_footnote_markers(text: str) -> str:
    """Footnote markers inside a line ("…获得奖项[3]。", "…[1-2] ；"); a marker that opens a
    line is a reference list's item number and stays."""
    if "[" not in text and "^" not in text:
        return text
    return _BEFORE_MARK.sub("", _FOOTNOTE.sub("", text))


def tidy(text: str, script: str = "Hans") -> str:
    """All three, in the order a page needs them."""
    return strip_footnote_markers(strip_edit_links(resolve_conversions(text, script)))
