"""WCAG 2.2 AA in a real Chromium: axe-core on every public page type, at phone
and desktop widths, and the checks axe cannot make (focus under the sticky
safety bar, target size, text at 200 %, reading order without CSS)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/en/",
    "campaign": "/en/human-trafficking-awareness-month/",
    "events": "/en/events/",
    "event": "/en/events/red-sand-project/",
    "event-with-registration": "/en/events/californias-forgotten-children-screening/",
    "past-events": "/en/events/archive/",
    "not-found": "/en/no-such-page/",
    "browse-safely": "/en/browse-safely/",
    "privacy": "/en/privacy/",
}
CAMPAIGN_PATH = PAGES["campaign"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
# Where the safety bar takes several rows: a phone, and 640 px (a 1280 px
# window at 200 % browser zoom); the tests add text at 200 % on top.
NARROW_VIEWPORTS = {"phone": PHONE, "640px": {"width": 640, "height": PHONE["height"]}}
# wcag22aa is off by default in axe-core: every tag is listed explicitly.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
MINIMUM_TARGET = 24  # CSS px, WCAG 2.5.8
MAX_TAB_STOPS = 200


@pytest.fixture(scope="module")
def tab(browser):
    """One tab for the whole module (each test sets its viewport and loads its
    page from the session's demo server, `demo_server` in haven/conftest.py).

    Reduced motion turns smooth scrolling off, so a focused element is where it
    ends up the moment it is focused (smooth scrolling ends at the same place).
    """
    context = browser.new_context(reduced_motion="reduce", device_scale_factor=1)
    yield context.new_page()
    context.close()


def visit(page, url: str, viewport: dict) -> None:
    page.set_viewport_size(viewport)
    page.goto(url)


@pytest.fixture(scope="module")
def axe():
    return Axe()


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {target}: {summary}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# 1. axe-core


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_axe_finds_no_violations(tab, axe, demo_server, viewport, path):
    visit(tab, demo_server + path, VIEWPORTS[viewport])
    # The public pages' CSP is `script-src 'self'`, but Playwright's evaluate
    # (which injects axe.min.js and runs it) goes through the DevTools protocol,
    # which the page's CSP does not govern, so no bypass_csp is needed: the
    # pages are checked exactly as visitors get them. If injection were
    # blocked, the run would raise here rather than pass silently.
    violations = axe.run(tab, options=AXE_OPTIONS).response["violations"]
    assert violations == [], f"axe-core on {path} at {viewport} width:\n{describe_violations(violations)}"


# ---------------------------------------------------------------------------
# 2a. WCAG 2.4.11 Focus not obscured: tabbing never hides focus under the
# sticky safety bar (or anything else fixed or sticky).

FOCUS_PROBLEMS = """(seen) => {
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement) return {done: true};
  if (seen.has(element)) return {done: true};  // round again
  seen.add(element);
  const box = element.getBoundingClientRect();
  const bar = document.querySelector(".safety-bar").getBoundingClientRect();
  const inBar = element.closest(".safety-bar") !== null;
  // Skip links are placed over the bar on purpose, above it: they must be on top.
  const skipLink = element.classList.contains("skip-link");
  const name = (element.textContent || element.getAttribute("aria-label") || "").trim().replace(/\\s+/g, " ");
  const label = `${element.tagName.toLowerCase()} "${name.slice(0, 60)}"`;
  const problems = [];
  if (box.bottom <= 0 || box.top >= innerHeight || box.width === 0 || box.height === 0) {
    problems.push(`${label} is focused but not on screen (top ${box.top}, bottom ${box.bottom})`);
  }
  if (!inBar && !skipLink && box.top < bar.bottom - 0.5) {
    problems.push(`${label}: its top (${box.top}) is under the safety bar, whose bottom is at ${bar.bottom}`);
  }
  // Whatever else is fixed or sticky must not overlap it either.
  for (const other of document.querySelectorAll("body *")) {
    const position = getComputedStyle(other).position;
    if (position !== "fixed" && position !== "sticky") continue;
    if (other.contains(element) || element.contains(other) || skipLink) continue;
    const rect = other.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    if (rect.left < box.right && box.left < rect.right && rect.top < box.bottom && box.top < rect.bottom) {
      problems.push(`${label} overlaps the ${position} element .${other.className}`);
    }
  }
  // And it is what is painted there: the centre of each of its boxes shows it.
  for (const rect of element.getClientRects()) {
    const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(rect.top + rect.height / 2, 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    if (!hit || !(element === hit || element.contains(hit))) {
      problems.push(`${label} is covered at (${x}, ${y}) by ${hit ? hit.tagName + "." + hit.className : "nothing"}`);
    }
  }
  return {done: false, label, problems};
}"""


def tab_through(page, key: str = "Tab") -> tuple[list[str], list[str]]:
    """Press Tab (or Shift+Tab) until focus leaves the page or comes round
    again; returns the focused elements' labels and every problem found."""
    labels, problems = [], []
    seen = page.evaluate_handle("() => new Set()")
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press(key)
        result = page.evaluate(FOCUS_PROBLEMS, seen)
        if result["done"]:
            break
        labels.append(result["label"])
        problems.extend(result["problems"])
    else:
        pytest.fail(f"more than {MAX_TAB_STOPS} tab stops: {labels[-5:]}")
    return labels, problems


def tab_there_and_back(page) -> tuple[list[str], list[str]]:
    """Tab to the end of the page, then Shift+Tab back to the top: going
    back brings each element in from the top edge, right under the bar."""
    labels, problems = tab_through(page)
    back_labels, back_problems = tab_through(page, "Shift+Tab")
    assert back_labels == labels[::-1], "Shift+Tab does not retrace Tab"
    return labels, problems + [f"(Shift+Tab) {problem}" for problem in back_problems]


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_tabbing_at_phone_width_never_hides_focus_under_the_safety_bar(tab, demo_server, path):
    visit(tab, demo_server + path, PHONE)
    labels, problems = tab_there_and_back(tab)
    assert len(labels) >= 8, labels
    assert labels[:2] == ['a "Skip to main content"', 'a "Exit this page"'], labels
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("path", ["/es/", "/es/privacy/"])
def test_longer_spanish_labels_never_hide_focus_under_the_safety_bar(tab, demo_server, path):
    visit(tab, demo_server + path, PHONE)
    labels, problems = tab_there_and_back(tab)
    assert len(labels) >= 8, labels
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("text_size", ["100%", "200%"])
@pytest.mark.parametrize("viewport", ["phone", "640px"])
def test_focus_stays_clear_of_a_taller_safety_bar(tab, demo_server, viewport, text_size):
    """At 640 px the bar wraps onto two rows; text at 200 % makes it taller still."""
    visit(tab, demo_server + CAMPAIGN_PATH, NARROW_VIEWPORTS[viewport])
    tab.evaluate("size => document.documentElement.style.fontSize = size", text_size)
    labels, problems = tab_there_and_back(tab)
    assert len(labels) >= 8, labels
    assert problems == [], "\n".join(problems)


# ---------------------------------------------------------------------------
# 2b. WCAG 2.5.8 Target size (minimum): 24 x 24 CSS px, or spaced so that a
# 24 px circle on each small target touches no other target. Links inside a
# sentence are exempt; everything laid out as its own control is checked.

TARGET_PROBLEMS = """(minimum) => {
  const selector = "a[href], button, summary, input:not([type=hidden]), select, textarea, [role=button], [tabindex]:not([tabindex='-1'])";
  const label = (element) => `${element.tagName.toLowerCase()} "${(element.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 60)}"`;
  const blockAncestor = (element) => {
    let node = element.parentElement;
    while (node && /^(inline|contents)/.test(getComputedStyle(node).display)) node = node.parentElement;
    return node;
  };
  const inSentence = (element) => {
    if (getComputedStyle(element).display !== "inline") return false;
    const block = blockAncestor(element);
    return block !== null && block.textContent.trim() !== element.textContent.trim();
  };
  const boxOf = (element) => {
    let rect = element.getBoundingClientRect();
    if (rect.bottom + scrollY <= 0) {
      // Off screen until focused (skip links): measure it as it appears.
      element.focus();
      rect = element.getBoundingClientRect();
      element.blur();
    }
    return {left: rect.left + scrollX, top: rect.top + scrollY, width: rect.width, height: rect.height,
            right: rect.right + scrollX, bottom: rect.bottom + scrollY};
  };
  const targets = [];
  for (const element of document.querySelectorAll(selector)) {
    const style = getComputedStyle(element);
    if (style.visibility === "hidden" || style.display === "none" || element.closest(".visually-hidden")) continue;
    const box = boxOf(element);
    if (box.width === 0 && box.height === 0) continue;
    targets.push({element, box, inline: inSentence(element)});
  }
  const radius = minimum / 2;
  const centre = (box) => [box.left + box.width / 2, box.top + box.height / 2];
  const circleTouches = ([x, y], box) => {
    const dx = Math.max(box.left - x, 0, x - box.right);
    const dy = Math.max(box.top - y, 0, y - box.bottom);
    return dx * dx + dy * dy < radius * radius;
  };
  const small = targets.filter(t => !t.inline && (t.box.width < minimum - 0.01 || t.box.height < minimum - 0.01));
  const problems = [];
  for (const target of small) {
    const [x, y] = centre(target.box);
    const size = `${target.box.width.toFixed(1)}x${target.box.height.toFixed(1)}`;
    for (const other of targets) {
      if (other === target) continue;
      const otherIsSmall = small.includes(other);
      const [ox, oy] = centre(other.box);
      if (circleTouches([x, y], other.box) || (otherIsSmall && Math.hypot(x - ox, y - oy) < minimum)) {
        problems.push(`${label(target.element)} is ${size} px and too close to ${label(other.element)}`);
        break;
      }
    }
  }
  return {checked: targets.filter(t => !t.inline).length, problems};
}"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_every_control_is_a_large_enough_target(tab, demo_server, viewport, path):
    visit(tab, demo_server + path, VIEWPORTS[viewport])
    result = tab.evaluate(TARGET_PROBLEMS, MINIMUM_TARGET)
    assert result["checked"] >= 8  # the safety bar, navigation and footer at least
    assert result["problems"] == [], "\n".join(result["problems"])


# ---------------------------------------------------------------------------
# 2c. WCAG 1.4.4 / 1.4.10: text at 200 %. The CSP forbids inline styles
# (add_style_tag), but changing the CSSOM from script is allowed.


@pytest.mark.parametrize("viewport", NARROW_VIEWPORTS)
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_text_at_200_percent_keeps_the_safety_bar_small_and_needs_no_sideways_scrolling(
    tab, demo_server, viewport, path
):
    visit(tab, demo_server + path, NARROW_VIEWPORTS[viewport])
    tab.evaluate("document.documentElement.style.fontSize = '200%'")
    tab.evaluate("window.scrollTo(0, 600)")  # read on: the bar is sticky
    measured = tab.evaluate(
        """() => {
          const bar = document.querySelector(".safety-bar").getBoundingClientRect();
          const root = document.documentElement;
          return {
            covered: Math.min(bar.bottom, innerHeight) - Math.max(bar.top, 0),
            screen: innerHeight,
            fontSize: parseFloat(getComputedStyle(document.body).fontSize),
            scrollWidth: root.scrollWidth,
            bodyScrollWidth: document.body.scrollWidth,
            width: root.clientWidth,
          };
        }"""
    )
    assert measured["fontSize"] >= 32, measured  # the zoom took effect
    assert measured["covered"] <= measured["screen"] / 3, measured
    assert measured["scrollWidth"] <= measured["width"], measured
    assert measured["bodyScrollWidth"] <= measured["width"], measured


# ---------------------------------------------------------------------------
# 2d. WCAG 1.3.2 Meaningful sequence: without CSS the campaign still reads in
# order, the way to leave first.


def test_without_css_the_campaign_reads_in_order(tab, demo_server):
    visit(tab, demo_server + CAMPAIGN_PATH, PHONE)
    tab.evaluate("document.querySelectorAll('link[rel~=stylesheet], style').forEach(node => node.remove())")
    assert tab.evaluate("document.styleSheets.length") == 0
    order = tab.evaluate(
        """() => {
          const top = (element) => element.getBoundingClientRect().top + scrollY;
          const focusable = [...document.querySelectorAll("a[href], button, summary, input, select, textarea")];
          const text = document.body.innerText;
          // The page title is also a link in the menu: look for it in <main>.
          const mainText = document.querySelector("main").innerText;
          return {
            firstLinks: focusable.slice(0, 2).map(link => link.textContent.trim()),
            firstLinksVisible: focusable.slice(0, 2).every(link => link.getClientRects().length > 0),
            textStart: text.trim().slice(0, 60),
            tops: {
              skip: top(focusable[0]),
              exit: top(focusable[1]),
              h1: top(document.querySelector("h1")),
              statistic: top(document.querySelector(".statistic")),
              hotline: top(document.querySelector(".hotline")),
            },
            at: {
              h1: mainText.indexOf(document.querySelector("h1").innerText),
              statistic: mainText.indexOf(document.querySelector(".statistic__figure").innerText),
              hotline: mainText.indexOf(document.querySelector(".hotline__name").innerText),
            },
          };
        }"""
    )
    assert order["firstLinks"] == ["Skip to main content", "Exit this page"], order
    assert order["firstLinksVisible"], order
    assert order["textStart"].startswith("Skip to main content"), order
    assert "Exit this page" in order["textStart"], order
    tops = order["tops"]
    assert tops["skip"] <= tops["exit"] < tops["h1"] < tops["statistic"] < tops["hotline"], tops
    at = order["at"]
    assert 0 <= at["h1"] < at["statistic"] < at["hotline"], at
