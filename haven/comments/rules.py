"""The spam and moderation rules, as pure functions of what was sent.

Each rule that fires adds a reason, {"code": ..., "detail": ...}; staff see the
reasons in the moderation queue, the visitor never does.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

NAME_MAX_LENGTH = 80
TEXT_MAX_LENGTH = 10_000

HONEYPOT = "honeypot"
BAD_TOKEN = "bad_token"  # noqa: S105
TOO_FAST = "too_fast"
BLOCKED_WORD = "blocked_word"
TOO_MANY_LINKS = "too_many_links"
MODERATION_WORD = "moderation_word"

# Web addresses as spammers write them: with a scheme, with www., or a bare domain with a path.
_LINK = re.compile(
    r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/)\S*", re.IGNORECASE
)


@dataclass
class Verdict:
    is_spam: bool = False
    reasons: list[dict] = field(default_factory=list)

    def add(self, code: str, detail: str = "", *, spam: bool = False) -> None:
        self.reasons.append({"code": code, "detail": detail})
        self.is_spam = self.is_spam or spam


def word_list(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def count_links(text: str) -> int:
    return len(_LINK.findall(text))


def find_words(text: str, words: list[str]) -> list[str]:
    """The listed words or phrases that appear in text as whole words, ignoring case and spacing."""
    folded = text.casefold()
    found = []
    for word in words:
        phrase = r"\s+".join(re.escape(part) for part in word.casefold().split())
        if phrase and re.search(r"(?<!\w)" + phrase + r"(?!\w)", folded) is not None:
            found.append(word)
    return found


def check_content(
    *,
    name: str,
    text: str,
    blocked_words: list[str],
    moderation_words: list[str],
    max_links: int,
    verdict: Verdict,
) -> None:
    both = f"{name}\n{text}"
    blocked = find_words(both, blocked_words)
    if blocked:
        verdict.add(BLOCKED_WORD, ", ".join(blocked), spam=True)
    links = count_links(text) + count_links(name)
    if links > max_links:
        verdict.add(TOO_MANY_LINKS, f"{links}/{max_links}")
    flagged = find_words(both, moderation_words)
    if flagged:
        verdict.add(MODERATION_WORD, ", ".join(flagged))


def describe_reason(reason: dict) -> str:
    code, detail = reason.get("code", ""), reason.get("detail", "")
    labels = {
        HONEYPOT: _("Spam: the hidden field that only robots fill in was filled in"),
        BAD_TOKEN: _("Spam: the form's signed token was missing or forged"),
        TOO_FAST: _("Spam: sent %(detail)s seconds after the form was shown, faster than a person types"),
        BLOCKED_WORD: _("Spam: contains blocked words (%(detail)s)"),
        TOO_MANY_LINKS: _("Suspected spam: too many links (%(detail)s)"),
        MODERATION_WORD: _("Flagged: contains words to read carefully (%(detail)s)"),
    }
    label = labels.get(code)
    if label is None:
        return code
    return label % {"detail": detail}
