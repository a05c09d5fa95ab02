"""`make audit`: what a visitor's browser sees, page type by page type.

Starts Haven as `make demo` does (a throwaway database, gunicorn, the worker),
then for each public page type prints: requests to other hosts, cookies an
anonymous reader receives, axe-core violations (WCAG 2.2 AA + best practice)
at phone and desktop widths, the page weight (HTML + CSS + JS, gzipped), and
the response headers scored with the Mozilla HTTP Observatory's rules.

Figures, not a test: it always exits 0 unless it crashes. The tests assert the
same properties one by one.
"""

import gzip
import os
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from haven.base.tests.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from haven.base.tests.server import running_server  # noqa: E402

PAGE_TYPES = {
    "home": "/en/",
    "campaign": "/en/human-trafficking-awareness-month/",
    "events": "/en/events/",
    "event": "/en/events/red-sand-project/",
    "browse safely": "/en/browse-safely/",
    "privacy": "/en/privacy/",
    "not found": "/en/no-such-page/",
}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
WEIGHT_BUDGET_KB = 50


def observatory_score(headers: dict[str, str], cookies: list[str]) -> tuple[int, list[str]]:
    """The Mozilla HTTP Observatory's scoring rules for the headers we can check offline.

    Starts from 100 and applies each test's modifier (see the Observatory's
    scoring documentation); A+ is 100 or more.
    """
    score, notes = 100, []
    lowered = {name.lower(): value for name, value in headers.items()}
    csp = lowered.get("content-security-policy", "")
    directives = {
        part.strip().split(" ", 1)[0]: part.strip().split(" ", 1)[1] if " " in part.strip() else ""
        for part in csp.split(";")
        if part.strip()
    }
    if not csp:
        score -= 25
        notes.append("csp-not-implemented -25")
    elif (
        "'unsafe-inline'" in directives.get("script-src", directives.get("default-src", ""))
        or "'unsafe-eval'" in csp
    ):
        score -= 20
        notes.append("csp-implemented-with-unsafe-inline -20")
    elif "'unsafe-inline'" in directives.get("style-src", ""):
        notes.append("csp-implemented-with-unsafe-inline-in-style-src-only 0")
    elif directives.get("default-src") == "'none'":
        score += 10
        notes.append("csp-implemented-with-no-unsafe-default-src-none +10")
    else:
        score += 5
        notes.append("csp-implemented-with-no-unsafe +5")

    if not cookies:
        notes.append("cookies-not-found 0")
    elif all("secure" in c.lower() and "httponly" in c.lower() and "samesite" in c.lower() for c in cookies):
        score += 5
        notes.append("cookies-secure-with-httponly-sessions-and-samesite +5")

    if lowered.get("access-control-allow-origin", "") == "*":
        notes.append("cross-origin-resource-sharing-implemented-with-public-access 0")
    else:
        notes.append("cross-origin-resource-sharing-not-implemented 0")

    referrer = lowered.get("referrer-policy", "").split(",")[-1].strip()
    if referrer in {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}:
        score += 5
        notes.append("referrer-policy-private +5")
    elif not referrer:
        notes.append("referrer-policy-not-implemented 0")
    else:
        score -= 5
        notes.append("referrer-policy-unsafe -5")

    hsts = lowered.get("strict-transport-security", "")
    max_age = 0
    for part in hsts.split(";"):
        if part.strip().startswith("max-age="):
            max_age = int(part.strip().split("=", 1)[1])
    if not hsts:
        score -= 20
        notes.append("hsts-not-implemented -20")
    elif max_age < 15768000:
        score -= 10
        notes.append("hsts-implemented-max-age-less-than-six-months -10")
    else:
        notes.append("hsts-implemented-max-age-at-least-six-months 0")

    if lowered.get("x-content-type-options", "").lower() == "nosniff":
        notes.append("x-content-type-options-nosniff 0")
    else:
        score -= 5
        notes.append("x-content-type-options-not-implemented -5")

    if "frame-ancestors" in directives:
        score += 5
        notes.append("x-frame-options-implemented-via-csp +5")
    elif lowered.get("x-frame-options", "").upper() in {"DENY", "SAMEORIGIN"}:
        notes.append("x-frame-options-sameorigin-or-deny 0")
    else:
        score -= 20
        notes.append("x-frame-options-not-implemented -20")

    notes.append("sri-not-implemented-but-all-scripts-loaded-from-secure-origin 0")
    return score, notes


def grade(score: int) -> str:
    for floor, letter in ((100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-"), (60, "C+")):
        if score >= floor:
            return letter
    return "C or worse"


def fetch_as_https(url: str) -> tuple[dict[str, str], list[str]]:
    """Headers as a visitor gets them through an HTTPS proxy (X-Forwarded-Proto)."""
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return dict(response.headers.items()), response.headers.get_all("Set-Cookie") or []


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings.base")
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    axe = Axe()
    rows = []
    with running_server() as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        own_host = urlsplit(base_url).netloc
        for name, path in PAGE_TYPES.items():
            row = {"page": name, "path": path, "violations": {}}
            for viewport_name, viewport in VIEWPORTS.items():
                context = browser.new_context(viewport=viewport, bypass_csp=True)
                page = context.new_page()
                requests, weights = [], {}

                def record(response, requests=requests, weights=weights):
                    requests.append(response.url)
                    kind = response.request.resource_type
                    if kind in ("document", "stylesheet", "script") and response.status < 300:
                        weights[response.url] = len(gzip.compress(response.body(), compresslevel=6))

                page.on("response", record)
                page.goto(base_url + path, wait_until="networkidle")
                page.mouse.wheel(0, 20000)
                page.wait_for_load_state("networkidle")
                results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
                row["violations"][viewport_name] = [v["id"] for v in results.response["violations"]]
                if viewport_name == "phone":
                    row["other_hosts"] = sorted(
                        {u for u in requests if urlsplit(u).netloc not in ("", own_host)}
                    )
                    row["cookies"] = len(context.cookies())
                    row["weight"] = sum(weights.values())
                context.close()
            rows.append(row)
        browser.close()

    # Headers as production sends them: HTTPS behind a proxy (HSTS, secure cookies).
    production_env = {"HAVEN_HTTPS": "true", "HAVEN_SSL_REDIRECT": "false", "HAVEN_BEHIND_PROXY": "true"}
    with running_server(extra_env=production_env) as base_url:
        for row in rows:
            if row["page"] == "not found":
                row["score"], row["notes"] = None, []
                continue
            headers, cookies = fetch_as_https(base_url + row["path"])
            row["score"], row["notes"] = observatory_score(headers, cookies)

    print(
        f"{'page type':14} {'other hosts':>11} {'cookies':>7} {'axe phone':>9} {'axe desk':>8} {'weight gz':>10} {'observatory':>12}"
    )
    for row in rows:
        score = f"{row['score']} {grade(row['score'])}" if row["score"] is not None else "-"
        print(
            f"{row['page']:14} {len(row['other_hosts']):>11} {row['cookies']:>7} "
            f"{len(row['violations']['phone']):>9} {len(row['violations']['desktop']):>8} "
            f"{row['weight'] / 1024:>7.1f} KB {score:>12}"
        )
    problems = [
        f"  {row['page']}: other hosts {row['other_hosts']}" for row in rows if row["other_hosts"]
    ] + [
        f"  {row['page']} ({viewport}): {', '.join(ids)}"
        for row in rows
        for viewport, ids in row["violations"].items()
        if ids
    ]
    if problems:
        print("\nto look at:")
        print("\n".join(problems))
    campaign = next(row for row in rows if row["page"] == "campaign")
    print("\nObservatory rules for the campaign page:")
    for note in campaign["notes"]:
        print(f"  {note}")
    heaviest = max(row["weight"] for row in rows) / 1024
    print(
        f"\nbudget: page weight (HTML + CSS + JS, gzipped, no images) <= {WEIGHT_BUDGET_KB} KB: "
        f"heaviest {heaviest:.1f} KB {'OK' if heaviest <= WEIGHT_BUDGET_KB else 'OVER'}"
    )


if __name__ == "__main__":
    main()
