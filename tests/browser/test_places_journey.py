"""A resident finds their neighbourhood in a real browser, with and without JavaScript,
and every page on the way has no accessibility violations that axe can find."""

import re

import pytest

from commonweal.places.models import Area, AreaType, Postcode

# django_db (not transaction=True) makes pytest-django create the test database, where
# the root conftest loads the boroughs. The journeys only read, so the live server (its
# own thread and connection, see conftest.py) sees that committed data and nothing is
# flushed for the tests that run after these.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

POSTCODE = "HX1 1AA"  # Halifax town centre, Calderdale


def check_accessibility(page) -> None:
    from axe_playwright_python.sync_playwright import Axe

    if page.context.no_js_checker is not None:
        page = _as_without_javascript(page.context.no_js_checker, page.url, page.context.cookies())
    results = Axe().run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_snapshot()}"


def _path(url: str) -> str:
    return url.split("?")[0].split("#")[0]


def _as_without_javascript(checker, url: str, page_cookies):
    """axe is JavaScript, and never finishes in a page with JavaScript turned off. So the
    no-JavaScript pages are checked in a page whose own scripts are blocked and whose
    body loses the classes the inline script adds: the page as a browser without
    JavaScript shows it."""
    # The checker is its own browser context: it carries the journey's cookies, so a page
    # that needs signing in is checked as the signed-in person sees it, not as the sign-in
    # page it would otherwise redirect to.
    checker.context.clear_cookies()
    checker.context.add_cookies(page_cookies)
    checker.goto(url)
    assert _path(checker.url) == _path(url), f"{url} redirected the checker to {checker.url}"
    checker.evaluate("document.body.classList.remove('js-enabled', 'govuk-frontend-supported')")
    return checker


def open_page(browser, *, javascript: bool):
    context = browser.new_context(java_script_enabled=javascript)
    context.no_js_checker = None
    if not javascript:
        checker_context = browser.new_context()
        checker_context.route("**/*.js", lambda route: route.abort())
        context.no_js_checker = checker_context.new_page()
    return context, context.new_page()


@pytest.fixture(scope="module")
def route(django_db_setup, django_db_blocker):
    """Where the postcode should lead: its LSOA, then its ward, then its borough."""
    with django_db_blocker.unblock():
        return _route()


def _route():
    postcode = Postcode.objects.get(postcode=POSTCODE)
    lsoa = Area.objects.get(
        area_type=AreaType.LSOA21 if postcode.lsoa21_code else AreaType.LSOA11,
        gss_code=postcode.lsoa21_code or postcode.lsoa11_code,
    )
    ward = Area.objects.get(area_type=AreaType.WARD, gss_code=postcode.ward_code)
    return lsoa, ward, Area.objects.get(pk=lsoa.authority_id)


def journey(page, site: str, route) -> None:
    lsoa, ward, borough = route
    page.goto(site + "/")
    assert page.title().startswith("Find your neighbourhood")
    check_accessibility(page)

    # A mistake first: the error summary, with the postcode kept.
    page.get_by_label("Postcode").fill("HX1")
    page.get_by_role("button", name="Find").click()
    assert page.get_by_role("alert").get_by_text("is not a UK postcode").is_visible()
    assert page.get_by_label("Postcode").input_value() == "HX1"
    check_accessibility(page)

    page.get_by_label("Postcode").fill(POSTCODE.lower())
    page.get_by_role("button", name="Find").click()
    page.wait_for_url(re.compile(rf"/places/{lsoa.area_type}/{lsoa.gss_code}/"))
    assert page.get_by_role("heading", level=1).inner_text() == lsoa.name
    assert f"{POSTCODE} is in" in page.get_by_role("region", name="Your postcode").inner_text()
    assert page.locator("svg.cw-map").count() == 1
    assert page.locator("svg.cw-chart").count() >= 1
    check_accessibility(page)

    page.locator("main .govuk-summary-list").get_by_role("link", name=ward.name).click()
    page.wait_for_url(re.compile(rf"/places/ward/{ward.gss_code}/"))
    assert page.get_by_role("heading", level=1).inner_text() == ward.name
    check_accessibility(page)

    page.locator("main .govuk-summary-list").get_by_role("link", name=borough.name).click()
    page.wait_for_url(re.compile(rf"/places/lad/{borough.gss_code}/"))
    assert page.get_by_role("heading", level=1).inner_text() == borough.name
    assert page.locator("svg.cw-map--decile a").count() > 100
    check_accessibility(page)


def test_journey_with_javascript(browser, site, route):
    context, page = open_page(browser, javascript=True)
    try:
        journey(page, site, route)
        # With JavaScript, a click on a borough map finds the areas at that point.
        page.goto(site + "/")
        borough_map = page.locator('svg[data-module="cw-point-map"]').first
        borough_map.scroll_into_view_if_needed()
        box = borough_map.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_url(re.compile(r"/places/point/\?lon=-?\d+\.\d+&lat=\d+\.\d+"))
        assert page.get_by_role("heading", level=1).inner_text() == "Areas at a point"
        assert page.get_by_role("table").count() == 1
        check_accessibility(page)
    finally:
        if context.no_js_checker is not None:
            context.no_js_checker.context.close()
        context.close()


def test_journey_without_javascript(browser, site, route):
    context, page = open_page(browser, javascript=False)
    try:
        journey(page, site, route)
        # Without JavaScript the borough map is a picture whose wards are links.
        page.goto(site + "/")
        ward_link = page.locator('svg[data-module="cw-point-map"] a').first
        name = ward_link.get_attribute("aria-label")
        # (The centre of a ward's box can lie in its neighbour, so follow it by keyboard.)
        ward_link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/places/ward/E05\d{6}/"))
        assert page.get_by_role("heading", level=1).inner_text() == name
    finally:
        if context.no_js_checker is not None:
            context.no_js_checker.context.close()
        context.close()


def test_screenshots(browser, site, route, tmp_path_factory):
    """Full-page pictures of an area page and a borough page, to look at by eye."""
    lsoa, _, borough = route
    folder = tmp_path_factory.mktemp("screenshots")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        for name, url in [
            ("home", "/"),
            ("area", f"/places/{lsoa.area_type}/{lsoa.gss_code}/?postcode=HX1+1AA"),
            ("borough", f"/places/lad/{borough.gss_code}/"),
        ]:
            page.goto(site + url)
            page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
            page.screenshot(path=str(folder / f"{name}-top.png"))
            for index, figure in enumerate(page.locator("main figure").all()):
                figure.screenshot(path=str(folder / f"{name}-figure-{index}.png"))
    finally:
        page.close()
    print(f"screenshots in {folder}")
