"""Uploaded documents (event flyers) are PDF files only, stored under a random
name and always downloaded, never shown by the browser from our address.

The tests post to the real Wagtail admin views (upload, edit, "Add documents")
as a signed-in superuser, and download as an anonymous visitor.
"""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.documents import get_document_model

from haven.base.demo.assets import flyer_pdf
from haven.base.models import HavenDocument

NOT_A_PDF = "Upload a PDF file. This file is not a PDF."
GENERATED_NAME = re.compile(r"documents/[0-9a-f]{32}\.pdf")
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


# 1.5 MB that starts like a PDF: over a 1 MB limit.
OVERSIZE_PDF = b"%PDF-1.4\n" + b"0" * (1536 * 1024 - 9)


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "not-used")
    client.force_login(user)
    return client


def pdf_upload(name="Jane Doe - Red Sand flyer.pdf", content=None):
    if content is None:
        content = flyer_pdf(title="Red Sand Project", lines=["Saturday at the park."])
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def stored_files() -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def file_field_errors(response) -> str:
    """The messages the admin shows next to the file field, as one line of text."""
    soup = BeautifulSoup(response.content, "html.parser")
    field = soup.find("input", attrs={"name": "file"}).find_parent(attrs={"data-field": True})
    errors = field.find(attrs={"data-field-errors": True})
    return " ".join(errors.get_text(" ").split())


def upload(client, file, title="Red Sand Project flyer"):
    return client.post(reverse("wagtaildocs:add"), {"title": title, "file": file})


def upload_multiple(client, file):
    return client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": file},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


def test_the_site_uses_the_haven_document_model():
    assert get_document_model() is HavenDocument


@pytest.mark.django_db
def test_a_pdf_is_stored_under_a_generated_name(admin_client):
    content = flyer_pdf(title="Red Sand Project", lines=["Saturday at the park."])

    response = upload(admin_client, pdf_upload(content=content))

    assert response.status_code == 302
    document = HavenDocument.objects.get()
    assert document.title == "Red Sand Project flyer"
    assert GENERATED_NAME.fullmatch(document.file.name)
    assert "Jane" not in document.file.name and "Jane" not in document.url
    with document.open_file() as stored:
        assert stored.read() == content
    assert document.file_size == len(content)


@pytest.mark.django_db
@pytest.mark.parametrize("content", [HTML, SVG], ids=["html", "svg"])
def test_a_file_renamed_pdf_is_refused_next_to_the_file_field(admin_client, content):
    before = stored_files()

    response = upload(admin_client, pdf_upload(name="flyer.pdf", content=content))

    assert response.status_code == 200
    assert file_field_errors(response) == NOT_A_PDF
    assert not HavenDocument.objects.exists()
    assert stored_files() == before


@pytest.mark.django_db
def test_a_pdf_with_another_extension_is_refused(admin_client):
    response = upload(admin_client, pdf_upload(name="flyer.html"))

    assert response.status_code == 200
    assert "File extension “html” is not allowed" in file_field_errors(response)
    assert not HavenDocument.objects.exists()


@pytest.mark.django_db
@override_settings(HAVEN_MAX_UPLOAD_MB=1)
def test_an_oversize_pdf_is_refused_with_its_size_and_the_limit(admin_client):
    before = stored_files()

    response = upload(admin_client, pdf_upload(content=OVERSIZE_PDF))

    assert response.status_code == 200
    assert file_field_errors(response) == "The file is 1.5 MB; the limit is 1 MB."
    assert not HavenDocument.objects.exists()
    assert stored_files() == before


@pytest.mark.django_db
def test_the_upload_form_states_the_limit(admin_client):
    response = admin_client.get(reverse("wagtaildocs:add"))

    assert "A PDF file of at most 10 MB." in response.content.decode()


@pytest.mark.django_db
def test_replacing_the_file_of_a_document_checks_the_new_file(admin_client):
    upload(admin_client, pdf_upload())
    document = HavenDocument.objects.get()
    original = document.file.name

    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": document.title, "file": pdf_upload(name="new.pdf", content=HTML)},
    )

    assert response.status_code == 200
    assert file_field_errors(response) == NOT_A_PDF
    document.refresh_from_db()
    assert document.file.name == original


@pytest.mark.django_db
def test_add_documents_stores_a_pdf_under_a_generated_name(admin_client):
    response = upload_multiple(admin_client, pdf_upload())

    assert response.json()["success"] is True
    document = HavenDocument.objects.get()
    assert document.title == "Jane Doe - Red Sand flyer.pdf"
    assert GENERATED_NAME.fullmatch(document.file.name)


@pytest.mark.django_db
def test_add_documents_refuses_a_file_renamed_pdf(admin_client):
    before = stored_files()

    response = upload_multiple(admin_client, pdf_upload(name="flyer.pdf", content=HTML))

    assert response.status_code == 200
    assert response.json() == {"success": False, "error_message": NOT_A_PDF}
    assert not HavenDocument.objects.exists()
    assert stored_files() == before


@pytest.mark.django_db
@override_settings(HAVEN_MAX_UPLOAD_MB=1)
def test_add_documents_refuses_an_oversize_pdf(admin_client):
    before = stored_files()

    response = upload_multiple(admin_client, pdf_upload(content=OVERSIZE_PDF))

    assert response.status_code == 200
    assert response.json() == {"success": False, "error_message": "The file is 1.5 MB; the limit is 1 MB."}
    assert not HavenDocument.objects.exists()
    assert stored_files() == before


@pytest.mark.django_db
def test_a_document_downloads_as_an_attachment_without_a_cookie():
    content = flyer_pdf(title="Red Sand Project", lines=["Saturday at the park."])
    document = HavenDocument(title="Red Sand Project flyer")
    document.file.save("Jane Doe flyer.pdf", ContentFile(content), save=False)
    document.save()

    response = Client().get(document.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{document.filename}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
    assert "Jane" not in str(response.headers)
    assert response["ETag"] == f'"{document.file_hash}"' and document.file_hash
    assert b"".join(response.streaming_content) == content


@pytest.mark.django_db
def test_uploaded_documents_are_not_served_from_the_media_folder(client):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from haven.base.demo.assets import flyer_pdf

    document = get_document_model()(title="Flyer")
    document.file.save("flyer.pdf", ContentFile(flyer_pdf(title="Flyer", lines=["Hello"])), save=False)
    document.save()
    assert client.get(f"/media/{document.file.name}").status_code == 404
    download = client.get(document.url)
    assert download.status_code == 200
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert "Content-Encoding" not in download.headers
