"""Signing in during a browser journey.

Clicking "Sign in" does not wait for the new page: under load the journey's next
``goto`` could abort the sign-in before its session cookie arrived, leaving the
journey signed out (or signed in as the previous person). So this waits until the
page shows the "Sign out" button, which only a signed-in page has.
"""

from playwright.sync_api import expect

from commonweal.core.testing import PASSWORD


def sign_in(page, site: str, who, *, password: str = PASSWORD) -> None:
    # Let the last page's own requests finish first: a late response to one of them renews
    # the previous person's CSRF cookie, which would then no longer match the sign-in form.
    page.wait_for_load_state("networkidle")
    page.context.clear_cookies()
    page.goto(site + "/accounts/sign-in/")
    page.get_by_label("Email address").fill(who.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
