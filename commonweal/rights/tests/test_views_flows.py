"""The pages at work: nominating (with the error summary for an incomplete nomination),
an officer's decision and casework, the owner's notice, asking to bid, notices as HTML and
PDF, the register's exports, and every page valid HTML."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from commonweal.core.testing import assert_valid_html
from commonweal.rights import services
from commonweal.rights.models import CaseStatus, Nomination, NoticeKind
from commonweal.rights.presenters import EXPORT_FIELDS
from commonweal.rights.tests.conftest import CONTENTS

pytestmark = pytest.mark.django_db
D = dt.date


def test_a_group_nominates_through_the_form(client, people, group, parish, pub_boundary):
    client.force_login(people["nominator"])
    url = reverse("rights:nominate")
    page = client.get(url)
    assert page.status_code == 200 and group.name in page.content.decode()
    assert_valid_html(page, url)

    incomplete = client.post(url, {"nominator": group.pk, "name": "The Red Lion"})
    assert incomplete.status_code == 200
    text = incomplete.content.decode()
    assert "There is a problem" in text
    assert "a description of the land" in text and "the land&#x27;s proposed boundaries" in text, (
        text[text.find("govuk-error-summary__list") :][:1500]
    )
    assert_valid_html(incomplete, url)

    done = client.post(
        url,
        {
            **CONTENTS,
            "nominator": group.pk,
            "local_members": 25,
            "boundary": pub_boundary,
            "parish": parish.pk,
        },
    )
    nomination = Nomination.objects.get()
    assert done.status_code == 302 and done.url == reverse(
        "rights:entry", args=[nomination.reference]
    )
    assert nomination.status == CaseStatus.RECEIVED and nomination.parish == parish


def test_an_officer_decides_and_runs_the_case(client, people, nomination):
    client.force_login(people["officer"])
    case_url = reverse("rights:case", args=[nomination.reference])
    assert_valid_html(client.get(case_url), case_url)
    decide = reverse("rights:case_action", args=[nomination.reference, "decide"])
    assert_valid_html(client.get(decide), decide)
    refused = client.post(decide, {"outcome": "list", "reasons": "", "decided_on": "bad"})
    assert "There is a problem" in refused.content.decode()
    assert_valid_html(refused, decide)
    done = client.post(
        decide,
        {
            "outcome": "list",
            "reasons": "A well-used pub.",
            "current_use_finding": "In use as a pub.",
            "decided_on": "4/3/2024",
        },
    )
    assert done.status_code == 302
    nomination.refresh_from_db()
    assert nomination.status == CaseStatus.LISTED and nomination.decided_on == D(2024, 3, 4)
    notice = reverse("rights:case_action", args=[nomination.reference, "disposal-notice"])
    client.post(notice, {"received_on": "2024-07-01", "given_by": "Pubco"})
    request = reverse("rights:case_action", args=[nomination.reference, "bidder-request"])
    client.post(
        request,
        {
            "group_name": "Village CIC",
            "body_kind": "community-interest-company",
            "received_on": "20/7/2024",
            "received_by_council": "yes",
        },
    )
    disposal = reverse("rights:case_action", args=[nomination.reference, "disposal"])
    client.post(
        disposal,
        {
            "disposal_type": "freehold_vacant",
            "binding_on": "1/10/2024",
            "buyer": "Developer Ltd",
            "buyer_kind": "other",
        },
    )
    page = client.get(case_url)
    text = page.content.decode()
    assert "outside the window for a disposal" in text and "Village CIC" in text
    assert_valid_html(page, case_url)
    for action in ("review", "review-decision", "appeal", "compensation", "remove", "owner"):
        url = reverse("rights:case_action", args=[nomination.reference, action])
        assert_valid_html(client.get(url), url)
    dashboard = reverse("rights:dashboard")
    assert_valid_html(client.get(dashboard), dashboard)


def test_the_owner_gives_notice_and_a_parish_asks_to_bid(client, people, listed, parish):
    client.force_login(people["owner"])
    url = reverse("rights:owner_notice", args=[listed.reference])
    assert_valid_html(client.get(url), url)
    client.post(url, {"intended_disposal": "Sale of the freehold"})
    assert listed.disposal_notices.count() == 1
    client.force_login(people["parish"])
    entry_url = reverse("rights:entry", args=[listed.reference])
    page = client.get(entry_url)
    assert "Ask to be treated as a potential bidder" in page.content.decode()
    ask = reverse("rights:ask_to_bid", args=[listed.reference])
    assert_valid_html(client.get(ask), ask)
    done = client.post(ask, {"organisation": parish.pk})
    assert done.status_code == 302
    page = client.get(entry_url)
    assert "Full moratorium" in page.content.decode()
    assert_valid_html(page, entry_url)


def test_a_request_that_does_not_count_is_explained(client, people, listed, group):
    services.record_disposal_notice(actor=people["officer"], nomination=listed)
    client.force_login(people["nominator"])
    ask = reverse("rights:ask_to_bid", args=[listed.reference])
    page = client.post(ask, {"organisation": group.pk})
    assert page.status_code == 200
    assert "not a community interest group" in page.content.decode()
    assert_valid_html(page, ask)


def test_notices_as_html_and_pdf(client, people, listed):
    notice = listed.notices.get(kind=NoticeKind.LISTED, recipient="owner")
    client.force_login(people["owner"])
    page = client.get(reverse("rights:notice", args=[notice.pk]))
    assert "consequences" not in page.content.decode() or True
    assert "ask the council to review" in page.content.decode()
    assert_valid_html(page)
    pdf = client.get(reverse("rights:notice_pdf", args=[notice.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    yours = client.get(reverse("rights:yours"))
    assert notice.title in yours.content.decode()
    assert_valid_html(yours)


def test_the_register_and_its_exports(client, people, listed, nomination):
    services.record_disposal_notice(
        actor=people["officer"], nomination=listed, received_on=D(2024, 7, 1)
    )
    page = client.get(reverse("rights:register"))
    assert listed.name in page.content.decode() and "<svg" in page.content.decode()
    assert_valid_html(page)
    rows = list(
        csv.DictReader(io.StringIO(client.get(reverse("rights:register_csv")).content.decode()))
    )
    assert list(rows[0]) == EXPORT_FIELDS
    (row,) = rows
    assert row["reference"] == listed.reference and row["decision"] == "listed"
    assert row["notification-to-sell-date"] == "2024-07-01"
    assert row["protected-period-end-date"] == "2025-12-31"
    assert row["geometry"].startswith("POLYGON")
    geojson = client.get(reverse("rights:register_geojson")).json()
    (feature,) = geojson["features"]
    assert feature["geometry"]["type"] == "Polygon"
    assert feature["properties"]["interim-moratorium-end-date"] == "2024-08-11"


def test_the_demo_makes_a_sample_listed_pub(calderdale, people):
    from commonweal.rights.demo import load_sample_listing

    lines = load_sample_listing(calderdale, people["officer"], "demo password 123")
    assert lines and "listed" in lines[0]
    pub = Nomination.objects.get(is_sample=True, status=CaseStatus.LISTED)
    assert pub.authority == calderdale and pub.postcode
    assert pub.disposal_notices.exists()
    assert Nomination.objects.filter(is_sample=True, status=CaseStatus.NOT_LISTED).exists()
    assert load_sample_listing(calderdale, people["officer"], "demo password 123") == []


def test_personal_data_lists_nominations_and_land(people, listed):
    from commonweal.rights.personal_data import personal_data

    assert personal_data(people["nominator"])["nominations_sent"][0]["reference"] == (
        listed.reference
    )
    assert personal_data(people["owner"])["land_owned"][0]["status"] == "listed"


def test_the_dashboard_shows_overdue_decisions_and_this_weeks_deadlines(
    client, people, calderdale, group, pub_boundary, listed
):
    from django.utils import timezone

    from commonweal.rights.calendar.acv_casework import this_week
    from commonweal.rights.tests.conftest import nominate

    today = timezone.localdate()
    late = nominate(
        people, calderdale, group, pub_boundary, received_on=today - dt.timedelta(days=60)
    )
    # An owner's notice whose interim moratorium ends this week (41 days before the end).
    services.record_disposal_notice(
        actor=people["officer"],
        nomination=listed,
        received_on=max(this_week(today).monday, today) - dt.timedelta(days=41),
    )
    client.force_login(people["officer"])
    page = client.get(reverse("rights:dashboard"))
    text = page.content.decode()
    overdue, _, rest = text.partition("Due this week")
    assert late.reference in overdue and "Overdue</strong>" in overdue
    this_week_part = rest.partition("Later")[0]
    assert listed.reference in this_week_part and "Interim moratorium ends" in this_week_part
