"""Admin views of Haven's own (the Wagtail admin does the rest)."""

from django.conf import settings
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import get_edit_url

from .reports import translation_report as build_translation_report


def can_see_translation_report(user) -> bool:
    return PagePermissionPolicy(Page).user_has_any_permission(user, ["add", "change", "publish"])


def translation_report(request):
    """Pages and snippets without a translation, or with one older than the source."""
    if not can_see_translation_report(request.user):
        raise PermissionDenied
    rows = build_translation_report()
    for row in rows:
        row.edit_url = get_edit_url(row.source)
        if isinstance(row.source, Page):
            row.translate_url = reverse("wagtail_localize:submit_page_translation", args=[row.source.pk])
        else:
            meta = row.source._meta
            row.translate_url = reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[meta.app_label, meta.model_name, quote(row.source.pk)],
            )
        for language in row.languages:
            language.edit_url = get_edit_url(language.translated) if language.translated is not None else ""
    languages = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    show_all = request.GET.get("show") == "all"
    return render(
        request,
        "base/admin/translation_report.html",
        {
            "page_title": _("Translations"),
            "header_icon": "globe",
            "rows": rows if show_all else [row for row in rows if row.needs_work],
            "show_all": show_all,
            "languages": [
                {"code": code, "name": languages[code]}
                for code in languages
                if code != settings.LANGUAGE_CODE
            ],
            "all_up_to_date": not any(row.needs_work for row in rows),
        },
    )
