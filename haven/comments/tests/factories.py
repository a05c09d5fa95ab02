import time

import factory

from haven.comments import protection
from haven.comments.models import Comment


class CommentFactory(factory.django.DjangoModelFactory):
    author_name = factory.Sequence(lambda n: f"Reader {n}")
    author_email = factory.Sequence(lambda n: f"reader{n}@example.org")
    text = "Thank you for explaining the warning signs."
    status = Comment.Status.PENDING
    language = "en"

    class Meta:
        model = Comment


def aged_form_token(seconds: float = 60) -> str:
    """A form token as if the form had been served `seconds` ago."""
    return protection.issue_form_token(issued_at=time.time() - seconds)


def comment_form_data(**overrides) -> dict[str, str]:
    """What a person sends through the form, a minute after opening the page."""
    data = {
        "name": "Ana",
        "email": "ana@example.org",
        "text": "Thank you for this page.",
        "website": "",
        "token": aged_form_token(),
    }
    data.update(overrides)
    return data
