"""A reader in Chromium switches language with the header's links: same page, other language, no cookie."""

import pytest

from haven.base.tests.browser import RequestLog

pytestmark = pytest.mark.browser


def switch_to(page, language_name: str) -> None:
    page.locator("nav.language-switcher").get_by_role("link", name=language_name).click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("javascript", [False, True], ids=["js-off", "js-on"])
def test_switching_language_on_the_campaign_page(browser, demo_server, javascript):
    context = browser.new_context(java_script_enabled=javascript, locale="en-US")
    page = context.new_page()
    log = RequestLog(demo_server)
    page.on("request", log.record)

    page.goto(demo_server + "/")
    assert page.url == demo_server + "/en/"
    page.locator("main").get_by_role("link", name="Read more about Human Trafficking Awareness Month").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Human Trafficking Awareness Month"

    switch_to(page, "Español")
    assert page.url == demo_server + "/es/mes-de-concientizacion-sobre-la-trata-de-personas/"
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text() == "Mes de Concientización sobre la Trata de Personas"
    main = page.locator("main")
    assert main.get_by_role("heading", name="Conozca las señales de alerta").is_visible()
    assert main.get_by_role("link", name="Llame al 1-888-373-7888").get_attribute("href") == "tel:18883737888"
    assert page.locator(".crisis-banner").get_by_role("link", name="Llame al 988").is_visible()
    assert page.get_by_role("link", name="Salir de esta página").first.is_visible()
    english = page.locator("nav.language-switcher a[hreflang=en]")
    assert (english.get_attribute("lang"), english.inner_text()) == ("en", "English")

    switch_to(page, "English")
    assert page.url == demo_server + "/en/human-trafficking-awareness-month/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert log.other_hosts() == []
    assert context.cookies() == []
    context.close()


def test_switching_language_on_an_event_page(browser, demo_server):
    context = browser.new_context(locale="es-MX")
    page = context.new_page()
    page.goto(demo_server + "/")
    assert page.url == demo_server + "/es/", "the first visit follows the browser's language"
    page.locator("nav.site-nav").get_by_role("link", name="Eventos").click()
    page.locator("main").get_by_role("link", name="Proyecto Arena Roja").first.click()
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text() == "Proyecto Arena Roja"
    assert page.get_by_text("11 de enero de").first.is_visible()

    switch_to(page, "English")
    assert page.url == demo_server + "/en/events/red-sand-project/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Red Sand Project"
    assert page.get_by_text("3:30 p.m.").first.is_visible()

    switch_to(page, "Español")
    assert page.url == demo_server + "/es/eventos/proyecto-arena-roja/"
    assert context.cookies() == []
    context.close()
