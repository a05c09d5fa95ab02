from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_translation_report_url():
    return [path("reports/translations/", admin_views.translation_report, name="haven_translation_report")]


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_see_translation_report(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return TranslationReportMenuItem(
        _("Translations"),
        reverse("haven_translation_report"),
        name="translations",
        icon_name="globe",
        order=1100,
    )
