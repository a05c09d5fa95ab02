"""The admin shows which pages and snippets lack a translation or have one older than the source."""

import html
import re

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from haven.base.localize import translate
from haven.base.reports import translation_report
from haven.hotlines.models import Hotline

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/translations/"


@pytest.fixture
def spanish(db):
    return Locale.objects.get_or_create(language_code="es")[0]


def status_of(source, language="es") -> str:
    row = next(
        row
        for row in translation_report()
        if row.source.pk == source.pk and isinstance(source, type(row.source))
    )
    return next(item.status for item in row.languages if item.language_code == language)


def test_untranslated_pages_and_snippets_are_missing(campaign_page, spanish):
    hotline = Hotline.objects.get(name="National Human Trafficking Hotline")
    assert status_of(campaign_page) == "missing"
    assert status_of(hotline) == "missing"


def test_a_translation_is_up_to_date_until_the_source_is_published_again(campaign_page, home_page, spanish):
    hotline = Hotline.objects.get(name="National Human Trafficking Hotline")
    translate(instance=home_page, locale=spanish, strings={})
    translate(instance=hotline, locale=spanish, strings={})
    source, _created = TranslationSource.update_or_create_from_instance(campaign_page)
    everything = {
        html.unescape(segment.string.data): "traducido"
        for segment in StringSegment.objects.filter(source=source)
    }
    translate(instance=campaign_page, locale=spanish, strings=everything)
    assert status_of(campaign_page) == "up-to-date"
    campaign_page.get_latest_revision_as_object().save_revision().publish()
    assert status_of(campaign_page) == "outdated"


def test_untranslated_segments_and_machine_output_need_review(campaign_page, home_page, spanish):
    translate(instance=home_page, locale=spanish, strings={})
    hotline = Hotline.objects.get(name="National Human Trafficking Hotline")
    translate(instance=hotline, locale=spanish, strings={})
    translate(instance=campaign_page, locale=spanish, strings={})
    assert status_of(campaign_page) == "incomplete"
    source = TranslationSource.objects.get_for_instance(campaign_page)
    for segment in StringSegment.objects.filter(source=source):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=spanish,
            context=segment.context,
            defaults={"data": "texto", "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE},
        )
    assert status_of(campaign_page) == "machine"


def test_staff_find_the_report_under_reports(admin_client, campaign_page, spanish):
    dashboard = admin_client.get("/admin/").content.decode()
    assert REPORT_URL in dashboard
    response = admin_client.get(REPORT_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert campaign_page.title in html
    row = next(row for row in re.findall(r"<tr>.*?</tr>", html, re.S) if campaign_page.title in row)
    cell = re.search(r'<td data-language="es" data-status="missing">(.*?)</td>', row, re.S)
    assert cell and "Translate" in cell.group(1)
    assert f"/admin/localize/submit/page/{campaign_page.pk}/" in cell.group(1)


def test_the_report_speaks_the_staff_members_language(admin_client, admin_user, campaign_page, spanish):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "es"
    profile.save()
    html = admin_client.get(REPORT_URL).content.decode()
    assert "Falta" in html
    assert "Traducir" in html


def test_people_without_page_permissions_cannot_see_it(client, django_user_model, campaign_page):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("volunteer", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(REPORT_URL).status_code in (302, 403)
