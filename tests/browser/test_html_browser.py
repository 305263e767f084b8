"""The HTML report in headless Chromium: findings are visible and article text never runs.

Needs Debian's `chromium` at /usr/bin/chromium and the `playwright` Python
package (no browser download: `.ci/install-browser.sh`). Set
`FACTCHECK_BROWSER_REPORT` to a `--format json` report to check a real corpus
as well as the built-in sample. A screenshot of the page goes to
/tmp/factcheck_report.png (or `FACTCHECK_SCREENSHOT`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "report"))

from report_samples import build_sample_report  # noqa: E402

from factcheck.models import Report  # noqa: E402
from factcheck.report import RenderOptions, render  # noqa: E402

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT = Path(os.environ.get("FACTCHECK_SCREENSHOT", "/tmp/factcheck_report.png"))


CORPUS = Path(__file__).resolve().parents[2] / "corpus"
HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


def build_corpus_report() -> Report:
    """The report of one story of the sample corpus (its findings of five rules), with hostile
    markup planted in an article's title and body."""
    import shutil
    import tempfile

    from factcheck.pipeline import RunOptions, check

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "corpus"
        shutil.copytree(CORPUS / "ai-order", target / "ai-order")
        brief = target / "ai-order" / "capitol-brief.md"
        text = brief.read_text(encoding="utf-8")
        text = text.replace("title:", f"title: '{HOSTILE}' #", 1).replace(
            "put off the signing", f"put off the signing {HOSTILE}", 1
        )
        brief.write_text(text, encoding="utf-8")
        return check([target], RunOptions(jobs=1))


def _reports() -> list:
    cases = [pytest.param(build_sample_report, id="sample"), pytest.param(build_corpus_report, id="corpus")]
    extra = os.environ.get("FACTCHECK_BROWSER_REPORT")
    if extra:
        path = Path(extra)
        cases.append(pytest.param(lambda: Report.model_validate_json(path.read_text(encoding="utf-8")), id=path.name))
    return cases


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found; install it with: apt-get install -y chromium (see .ci/install-browser.sh)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed; pip install playwright")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.mark.parametrize("make_report", _reports())
def test_html_browser_shows_findings_and_runs_no_article_script(browser, tmp_path, make_report):
    report = make_report()
    page_file = tmp_path / "report.html"
    page_file.write_text(render(report, "html", options=RenderOptions()), encoding="utf-8")

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []
    console_errors: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
    page.goto(page_file.as_uri())
    page.wait_for_load_state("load")

    # No script from an article ran, and none is in the DOM.
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    assert page.evaluate("document.querySelectorAll('script, img, iframe, object, embed').length") == 0
    assert page.evaluate(
        "[...document.querySelectorAll('*')].filter(el => [...el.attributes].some(a => a.name.startsWith('on'))).length"
    ) == 0
    # The stylesheet passed the page's own CSP (a blocked style logs an error).
    assert console_errors == []
    assert page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth") != "none"

    # Every finding's message is visible on the page.
    body_text = page.inner_text("body")
    messages = page.locator("#findings .finding .message")
    assert messages.count() == len(report.findings)
    for i in range(messages.count()):
        assert messages.nth(i).is_visible()
    for finding in report.findings:
        assert " ".join(finding.message.split()) in " ".join(body_text.split())
    if report.findings:
        assert page.locator("#findings mark").first.is_visible()

    # Article markup shows as text.
    if any("<script>window.__pwned=1</script>" in ev.text for f in report.findings for ev in f.evidence):
        assert "<script>window.__pwned=1</script>" in body_text

    # Links between findings and articles lead somewhere.
    broken = page.evaluate(
        "[...document.querySelectorAll('a[href^=\"#\"]')]"
        ".filter(a => !document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1))))"
        ".map(a => a.getAttribute('href'))"
    )
    assert broken == []

    if make_report is build_sample_report:
        page.screenshot(path=str(SCREENSHOT), full_page=True)
    page.close()
