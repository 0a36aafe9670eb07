"""Every page a person can see, checked the same way: axe-core finds nothing serious or
critical; nothing overflows sideways at 320 px wide nor at 200 % zoom (a 1280 px window
at scale 2 is a 640 CSS px viewport); Tab reaches the main content's first control and
shows where the focus is; and a screenshot at phone (390 px) and desktop (1280 px) width,
in test-artifacts/pages/<name>-phone.png and <name>-desktop.png, to look at.

The pages come from the URL walker (tests/support/urls.py): every GET route, filled with
alice and bob's real ids, once signed out and once signed in. A new page is checked the
day it is added. A route is left out only with its reason (not HTML, a fragment, a
redirect to a page checked anyway, POST only...), listed when the test runs with -rA.

One browser and one context, signed in once; each page loads once and is narrowed in place
(the stylesheets have no hover or pointer queries, so a narrowed desktop window lays out as
a phone does). It runs in the production pass only (about a minute).
"""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.support.browser import axe_script, axe_violations, save_screenshot
from tests.support.urls import build_world, real_values, routes

pytestmark = [pytest.mark.browser, pytest.mark.production_only]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
NARROW, ZOOMED = 320, 640
# Content types that are not pages: feeds, calendar files, the service worker, the
# manifest, downloads.
NOT_PAGES = ("text/calendar", "javascript", "json", "zip", "text/plain", "image/", "xml")

OVERFLOW = "() => document.documentElement.scrollWidth"
# Where the overflow comes from: the widest elements that stick out to the right.
WIDE = """width => [...document.querySelectorAll('body *')]
  .filter(el => el.getBoundingClientRect().right > width + 1 && el.checkVisibility())
  .slice(-3).map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (typeof el.className === 'string' && el.className
       ? '.' + el.className.trim().split(/\\s+/).join('.') : ''))"""
# The main content's first control a keyboard reaches, and the control before it (in the
# header): [before, first], or null when the main content has no control.
TAB_STOPS = """() => {
  const stops = [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')]
    .filter(el => el.tabIndex >= 0 && !el.disabled
      && el.checkVisibility({visibilityProperty: true}))
    .filter(el => {  // a group of radio buttons is one stop: the checked one, else the first
      if (el.type !== 'radio') return true;
      const group = [...document.getElementsByName(el.name)].filter(r => r.form === el.form);
      const checked = group.find(r => r.checked);
      return checked ? el === checked : el === group[0];
    });
  const i = stops.findIndex(el => el.closest('#main'));
  return i > 0 ? [stops[i - 1], stops[i]] : null;
}"""
FOCUS = """() => {
  const el = document.activeElement, first = tabStops[1];
  const style = getComputedStyle(el), box = el.getBoundingClientRect();
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
    || style.boxShadow !== 'none';
  return {first: el === first, ring, seen: box.width > 0 && box.height > 0,
          what: el.outerHTML.slice(0, 120)};
}"""


def page_routes():
    """Every route a GET could show, in a stable order."""
    return [route for route in routes() if not route.route.startswith("admin/")]


def what_it_is(response):
    """None for a page to check, else why it is not one."""
    kind = response.get("Content-Type", "")
    if response.status_code in (301, 302):
        return f"redirects to {response['Location']} (checked there)"
    if response.status_code == 405:
        return "POST only"
    if response.status_code != 200:
        return f"answers {response.status_code} with the walker's values"
    if any(part in kind for part in NOT_PAGES) or not kind.startswith("text/html"):
        return f"not a page: {kind}"
    if b"<html" not in response.content[:400]:
        return "a fragment htmx swaps into a page"
    return None


def page_name(route, signed_in):
    name = f"{route.namespace or 'site'}-{route.name or route.route.strip('/') or 'root'}"
    return name.replace(":", "-").replace("/", "-") + ("" if signed_in else "-signed-out")


def collect(world, alice):
    """(name, path) of every page, signed out then signed in, and the routes left out.
    The space of the walker is paired; its pages while alice waits for a partner (the
    home, the invitation) come from the space she started alone."""
    from trustapp.couples.models import Invitation

    visitor, member = Client(), Client()
    member.force_login(alice)
    pages = {False: [], True: []}
    left_out = []
    for route in page_routes():
        path = route.fill(real_values(world, route))
        for signed_in, client in ((False, visitor), (True, member)):
            reason = what_it_is(client.get(path))
            if reason is None:
                pages[signed_in].append((page_name(route, signed_in), path))
            else:
                left_out.append(f"{'in' if signed_in else 'out'} {route.route}: {reason}")
    solo = Invitation.objects.get(pk=world["pk"]["couples"]).partnership
    for name in ("home", "invite"):
        path = reverse(f"couples:{name}", args=[solo.public_id])
        assert what_it_is(member.get(path)) is None, path
        pages[True].append((f"couples-{name}-waiting", path))
    return pages, left_out, member.cookies[settings.SESSION_COOKIE_NAME].value


def check(page, problems, name, path):
    """One load a page: at the desktop's width axe, the keyboard and a screenshot; then the
    same page narrowed to 640 px (200 % zoom), 390 px (a phone's screenshot) and 320 px."""
    page.set_viewport_size(DESKTOP)
    response = page.goto(path, wait_until="load")
    if response is None or response.status >= 400:
        problems.append(f"{name}: {path} answered {response and response.status}")
        return
    save_screenshot(page, f"pages/{name}-desktop")
    problems.extend(f"{name}: axe {line}" for line in axe_violations(page))
    keyboard(page, problems, name)
    for width in (ZOOMED, PHONE["width"], NARROW):
        page.set_viewport_size({"width": width, "height": PHONE["height"]})
        if width == PHONE["width"]:
            save_screenshot(page, f"pages/{name}-phone")
            continue
        scroll_width = page.evaluate(OVERFLOW)
        if scroll_width > width:
            wide = page.evaluate(WIDE, width)
            problems.append(f"{name}: {scroll_width} px wide at {width} px ({', '.join(wide)})")


def keyboard(page, problems, name):
    """From the last control before the main content, Tab lands on its first control, and
    the focus shows. (Starting there, not from the top: a page may autofocus further down,
    and a Tab press per header link would cost seconds over the whole walk.)"""
    if not page.evaluate(f"() => {{ window.tabStops = ({TAB_STOPS})(); return !!tabStops; }}"):
        return  # nothing to operate in the main content (a page to read)
    page.evaluate("() => tabStops[0].focus()")
    page.keyboard.press("Tab")
    focus = page.evaluate(FOCUS)
    if not focus["first"]:
        problems.append(f"{name}: Tab skipped the main content's first control: {focus['what']}")
    if not (focus["ring"] and focus["seen"]):
        problems.append(f"{name}: no visible focus on {focus['what']}")
    page.evaluate("() => document.activeElement.blur()")


def test_every_page_is_accessible_fits_narrow_screens_and_works_with_the_keyboard(
    playwright_browser, live_server, transactional_db, partnership, alice, bob
):
    world = build_world(partnership, alice, bob)
    pages, left_out, session = collect(world, alice)
    assert len(pages[False]) >= 8 and len(pages[True]) >= 40, pages
    print("Left out:\n" + "\n".join(left_out))
    problems = []
    context = playwright_browser.new_context(
        base_url=live_server.url, viewport=DESKTOP, service_workers="block"
    )
    context.set_default_timeout(10_000)
    context.add_init_script(axe_script())
    page = context.new_page()
    for name, path in pages[False]:
        check(page, problems, name, path)
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    for name, path in pages[True]:
        check(page, problems, name, path)
    context.close()
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
