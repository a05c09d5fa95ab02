import pytest

from haven.hotlines.blocks import HotlineBlock
from haven.hotlines.tests.factories import HotlineBlockFactory, HotlineFactory

pytestmark = pytest.mark.django_db


def test_hotline_renders_call_text_and_chat_links_with_hours_languages_and_source():
    hotline = HotlineFactory(
        name="National Human Trafficking Hotline",
        call_number="1-888-373-7888",
        text_number="233733",
        text_keyword="BEFREE",
        chat_url="https://humantraffickinghotline.org/en/chat",
        hours="24 hours a day, 7 days a week",
        languages="More than 200 languages",
    )
    html = HotlineBlock().render(HotlineBlockFactory(hotline__hotline=hotline))
    assert 'href="tel:18883737888"' in html
    assert "Call 1-888-373-7888" in html
    assert 'href="sms:233733?body=BEFREE"' in html
    assert "Text BEFREE to 233733" in html
    assert 'href="https://humantraffickinghotline.org/en/chat" rel="noreferrer"' in html
    assert "24 hours a day, 7 days a week" in html
    assert "More than 200 languages" in html
    assert "Last verified Jan. 5, 2026" in html


def test_hotline_with_only_a_number_to_call_shows_no_empty_links():
    hotline = HotlineFactory(call_number="1.866.293.1940", text_number="", text_keyword="", chat_url="")
    html = HotlineBlock().render(HotlineBlockFactory(hotline__hotline=hotline))
    assert 'href="tel:18662931940"' in html
    assert "sms:" not in html
    assert "Live chat" not in html
