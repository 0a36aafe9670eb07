"""Playwright on Debian's Chromium against pytest-django's live_server.

`browser_page(user)` opens a fresh context (its own cookies) signed in as `user`;
`anonymous_page()` one signed in as nobody. `assert_accessible(page)` runs axe-core.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "test-artifacts"))
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_SCRIPT = None


@pytest.fixture(scope="session")
def playwright_browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_context(playwright_browser, live_server):
    """Factory for browser contexts; each is one person's browser."""
    contexts = []

    def make(*, java_script_enabled=True, phone=False, **extra):
        # extra: any other Playwright context option, such as color_scheme="dark".
        options = {"base_url": live_server.url, "java_script_enabled": java_script_enabled}
        options |= extra
        if phone:
            options |= {
                "viewport": {"width": 390, "height": 844},
                "device_scale_factor": 2,
                "is_mobile": True,
                "has_touch": True,
            }
        context = playwright_browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def sign_in_context(context, user, live_server):
    """Give the context a real session cookie for `user`, skipping the sign-in form."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


@pytest.fixture
def browser_page(new_context, live_server):
    """`browser_page(alice)` -> a page in alice's own, signed-in browser."""

    def make(user=None, **options):
        context = new_context(**options)
        if user is not None:
            sign_in_context(context, user, live_server)
        page = context.new_page()
        page.java_script_enabled = options.get("java_script_enabled", True)
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda msg: msg.type in ("error", "warning") and errors.append(msg.text))
        page.js_errors = errors
        return page

    return make


def axe_script():
    global AXE_SCRIPT
    if AXE_SCRIPT is None:
        import axe_playwright_python

        AXE_SCRIPT = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
    return AXE_SCRIPT


def axe_violations(page, *, impacts=("serious", "critical")):
    """Run axe-core in the page: its serious and critical violations, one line each.
    (A context that has it as an init script, `add_init_script(axe_script())`, skips
    sending it again for each page.)"""
    # axe needs timers: in a page with JavaScript off it would wait forever.
    assert getattr(page, "java_script_enabled", True), "run axe in a JavaScript-on page"
    # Judge the page at rest: not while htmx dims a request or a transition is under way.
    page.wait_for_function(
        "() => !document.querySelector('.htmx-request')"
        " && document.getAnimations().every(a => a.playState !== 'running')"
    )
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(axe_script())
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"- {v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(node["target"]) for node in v["nodes"][:3])
        for v in results["violations"]
        if v.get("impact") in impacts
    ]


def assert_accessible(page, *, impacts=("serious", "critical")):
    """Run axe-core in the page; fail on serious or critical violations."""
    bad = axe_violations(page, impacts=impacts)
    summary = "\n".join(bad)
    assert not bad, f"axe found problems on {page.url}:\n{summary}"


def save_screenshot(page, name):
    """ARTIFACTS/<name>.png; a name may hold a folder ("pages/home-phone")."""
    path = ARTIFACTS / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    # caret="initial": hiding the caret leaves style="" on inputs, which htmx then copies
    # on its next swap and the strict CSP reports as an error.
    page.screenshot(path=str(path), full_page=True, caret="initial")
    return path
