import pytest

from haven.events.tests.factories import EventPageFactory


@pytest.fixture
def limited_event(events_index):
    """An upcoming online screening with 3 places, a waiting list and a private joining link."""
    return EventPageFactory(
        parent=events_index,
        title="Film screening",
        slug="film-screening",
        venue=None,
        is_online=True,
        registration_enabled=True,
        capacity=3,
        max_places_per_registration=2,
        waiting_list_enabled=True,
        online_link="https://meet.example.org/secret-room-4821",
    )
