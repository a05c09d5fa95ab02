"""The form staff upload documents (event flyers) with.

Wagtail builds every document form from WAGTAILDOCS_DOCUMENT_FORM_BASE: the
upload and edit pages, the chooser's upload tab and each file sent through
"Add documents" (the multiple uploader), so the checks here apply to all of them.
"""

import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm

PDF_SIGNATURE = b"%PDF-"
MEGABYTE = 1024 * 1024


def megabytes(size: int) -> str:
    """A size as staff read it: "14 MB", "1.5 MB", rounded up so a file over the limit never reads as it."""
    tenths = math.ceil(size * 10 / MEGABYTE)
    value = tenths // 10 if tenths % 10 == 0 else tenths / 10
    return _("%(size)s MB") % {"size": formats.number_format(value)}


class PDFDocumentField(WagtailDocumentField):
    """A document file: PDF content (not just a .pdf name) of at most HAVEN_MAX_UPLOAD_MB."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's field checks the size against these, and the multiple
        # uploader reads them to refuse a big file before sending it.
        self.max_upload_size = settings.HAVEN_MAX_UPLOAD_MB * MEGABYTE
        self.max_upload_size_text = megabytes(self.max_upload_size)
        self.help_text = _("A PDF file of at most %(limit)s.") % {"limit": self.max_upload_size_text}
        self.error_messages["file_too_large_unknown_size"] = _(
            "The file is too big; the limit is %(limit)s."
        ) % {"limit": self.max_upload_size_text}

    def check_document_file_size(self, f):
        if f.size > self.max_upload_size:
            raise ValidationError(
                _("The file is %(size)s; the limit is %(limit)s."),
                code="file_too_large",
                params={"size": megabytes(f.size), "limit": self.max_upload_size_text},
            )

    def to_python(self, data):
        f = super().to_python(data)  # checks the size first
        if f is not None:
            f.seek(0)
            signature = f.read(len(PDF_SIGNATURE))
            f.seek(0)
            if signature != PDF_SIGNATURE:
                # A renamed HTML or SVG file would otherwise be served from our own address.
                raise ValidationError(_("Upload a PDF file. This file is not a PDF."), code="not_pdf")
        return f


class HavenDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The multiple uploader's edit form has no file field: its file was
        # checked by this form when it was sent.
        wagtail_field = self.fields.get("file")
        if wagtail_field is not None:
            # No max_length: the uploader's file name is never stored (see
            # models.document_upload_to), so its length does not matter.
            self.fields["file"] = PDFDocumentField(
                label=wagtail_field.label, required=wagtail_field.required, widget=wagtail_field.widget
            )
