"""A Spanish reader switches language on an event page, registers, and gets everything in Spanish."""

import email
import re
import time
from email.header import decode_header, make_header

import pytest

pytestmark = pytest.mark.browser

SCREENING_PATH = "/en/events/californias-forgotten-children-screening/"


def messages_to(mail_dir, address: str, *, wait_seconds: float = 20) -> list[email.message.Message]:
    """E-mails the server's worker wrote (file backend) to this address, waiting for the worker."""
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        found = []
        for path in sorted(mail_dir.glob("*.log")) if mail_dir.exists() else []:
            for raw in path.read_bytes().split(b"-" * 79):
                if raw.strip():
                    message = email.message_from_bytes(raw.strip())
                    if address in str(message.get("To", "")):
                        found.append(message)
        if found:
            return found
        time.sleep(0.3)
    return []


def test_register_in_spanish_and_get_a_spanish_confirmation(browser, demo_server):
    context = browser.new_context(locale="es-US")
    page = context.new_page()
    page.goto(demo_server + SCREENING_PATH)
    page.locator("a[hreflang='es']").first.click()
    page.wait_for_url(re.compile(r".*/es/.*"))
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", level=1).inner_text() != "Virtual Film Viewing & Panel Discussion"

    page.get_by_label("Su nombre").fill("Lucía Hernández")
    page.get_by_label("Correo electrónico").fill("lucia.hernandez@example.org")
    page.get_by_label("Acepto").check()
    page.get_by_role("button", name="Inscribirme").click()
    page.wait_for_url(re.compile(r".*/es/registrations/\d+/[0-9a-f]+/\?new=1$"))
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_text("Gracias, su inscripción está hecha").is_visible()
    assert page.get_by_role("button", name="Cancelar mi inscripción").is_visible()
    assert context.cookies() == []
    context.close()

    [confirmation] = messages_to(demo_server.data_dir / "mail", "lucia.hernandez@example.org")
    subject = str(make_header(decode_header(confirmation["Subject"])))
    assert subject.startswith("Su inscripción está confirmada: ")
    body = next(
        part.get_payload(decode=True).decode()
        for part in confirmation.walk()
        if part.get_content_type() == "text/plain"
    )
    assert "Hola, Lucía Hernández:" in body
    assert "/es/registrations/" in body
    assert any(part.get_content_type() == "text/calendar" for part in confirmation.walk())
