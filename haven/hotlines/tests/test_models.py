import pytest
from django.core.exceptions import ValidationError

from haven.hotlines.models import phone_href_digits
from haven.hotlines.tests.factories import HotlineFactory


@pytest.mark.parametrize(
    ("shown", "dialled"),
    [
        ("1-888-373-7888", "18883737888"),
        ("1.866.293.1940", "18662931940"),
        ("+1 (916) 555-0100", "+19165550100"),
        ("988", "988"),
    ],
)
def test_numbers_are_dialled_as_digits(shown, dialled):
    assert phone_href_digits(shown) == dialled


@pytest.mark.django_db
def test_a_hotline_needs_a_way_to_reach_it():
    hotline = HotlineFactory.build(call_number="", text_number="", text_keyword="", chat_url="")
    with pytest.raises(ValidationError) as caught:
        hotline.full_clean()
    assert "at least one way to reach the hotline" in caught.value.message_dict["call_number"][0]


@pytest.mark.django_db
def test_letters_in_a_phone_number_are_refused():
    hotline = HotlineFactory.build(call_number="call us")
    with pytest.raises(ValidationError) as caught:
        hotline.full_clean()
    assert "as people dial it" in caught.value.message_dict["call_number"][0]


@pytest.mark.django_db
def test_a_keyword_needs_a_number_to_text():
    hotline = HotlineFactory.build(text_number="", text_keyword="BEFREE")
    with pytest.raises(ValidationError) as caught:
        hotline.full_clean()
    assert "needs a number to send it to" in caught.value.message_dict["text_number"][0]
