"""Load the extractor's vocabularies from vocab.yaml (data, not code)."""
from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

VOCAB_PATH = Path(__file__).with_name("vocab.yaml")


@functools.lru_cache(maxsize=None)
def load_vocab(path: str | None = None) -> dict:
    # libyaml's loader when the wheel has it: ~10x faster, and every process (the dashboard's
    # first run, each --workers child) loads the vocabulary once
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path or VOCAB_PATH, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)


def alternation(words) -> str:
    """Regex alternation, longest word first so 人次 wins over 人."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def from_shared_char(words, char: str) -> str:
    """An alternation of words that all hold `char`, written to open on it: each word's part before
    its first `char` becomes a lookbehind. A match then starts at that `char`, not at the word's
    start, and ends where the word ends: for callers that only read where a word ends."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        i = w.index(char)
        head, tail = re.escape(w[:i + 1]), re.escape(w[i + 1:])
        parts.append(f"(?<={head}){tail}" if i else tail)
    return re.escape(char) + "(?:" + "|".join(parts) + ")"


def first_chars(words) -> str:
    """A lookahead for the words' first characters, to put before a lookbehind that opens a
    pattern: re scans ahead to a literal or a class fast, but tries a leading lookbehind at every
    position."""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words if w})) + "])"


# 争取 with a result after it or a total before it (争取到, 争取得, 共争取, 已争取资金) reports what was
# obtained, not an intent
# (the lookbehind after the word: a pattern whose alternatives all open on a literal is scanned fast)
# 争取到2025年, 争取到年底: a time after 争取到 is a due date, still intent
TIME_AFTER = r"\s*(?:\d|年|今年|明年|本|月|底|[一二三四五六七八九十])"
_STRIVE_OBTAINED = rf"争取(?<![共已计]争取)(?!得|了|到(?!{TIME_AFTER}))"


def obtained_alternation(words) -> str:
    """alternation() of past words: 争取到 only where no time follows it (争取到资金, not 争取到2025年)."""
    return alternation(words).replace("争取到", rf"争取到(?!{TIME_AFTER})")


# 计划 is the plan a report measures against, not intent, where done against it (完成计划的36%,
# 完成年度计划): after 完成, or before 的
_PLAN_NOUN_NOT = r"(?<!完成计划)(?<!完成年度计划)(?!的)"


def intent_alternation(words) -> str:
    """alternation() of words of intent (将, 计划, 力争, 争取): 争取 only where it still looks ahead,
    计划 not where it is the plan something was done against."""
    return "|".join(w.replace("争取", _STRIVE_OBTAINED) if w.startswith("争取") else
                    w + _PLAN_NOUN_NOT if w == "计划" else w for w in alternation(words).split("|"))
