"""The spam rules, on their own."""

import pytest

from haven.comments import rules


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("No links here, just thanks.", 0),
        ("See https://example.org/a and http://example.org/b", 2),
        ("www.example.com and cheap-pills.biz/buy now", 2),
        ("An e-mail like ana@example.org is not a link.", 0),
        ("Version 2.0 of the guide, page 3.5", 0),
    ],
)
def test_links_are_counted_however_they_are_written(text, links):
    assert rules.count_links(text) == links


def test_words_match_whole_words_ignoring_case_and_accents_kept():
    words = ["casino", "free money", "niño"]
    assert rules.find_words("Visit our CASINO today", words) == ["casino"]
    assert rules.find_words("Occasional casinos", words) == []
    assert rules.find_words("Get FREE \n money!", words) == ["free money"]
    assert rules.find_words("freedom money", words) == []
    assert rules.find_words("Un NIÑO en riesgo", words) == ["niño"]


def test_word_lists_ignore_blank_lines_and_spaces():
    assert rules.word_list("casino\n\n  free money \r\n") == ["casino", "free money"]


def test_blocked_words_are_spam_links_and_flags_go_to_the_queue():
    verdict = rules.Verdict()
    rules.check_content(
        name="Ana",
        text="casino https://a.example https://b.example https://c.example please read",
        blocked_words=["casino"],
        moderation_words=["read"],
        max_links=2,
        verdict=verdict,
    )
    assert verdict.is_spam
    assert [reason["code"] for reason in verdict.reasons] == [
        rules.BLOCKED_WORD,
        rules.TOO_MANY_LINKS,
        rules.MODERATION_WORD,
    ]
    assert rules.describe_reason(verdict.reasons[1]) == "Suspected spam: too many links (3/2)"


def test_links_alone_only_hold_the_comment_as_suspected_spam():
    verdict = rules.Verdict()
    rules.check_content(
        name="Ana",
        text="https://a.example https://b.example https://c.example",
        blocked_words=[],
        moderation_words=[],
        max_links=2,
        verdict=verdict,
    )
    assert not verdict.is_spam
    assert verdict.reasons == [{"code": rules.TOO_MANY_LINKS, "detail": "3/2"}]
