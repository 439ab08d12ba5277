"""The forms: raising a report, errors with their summary, and each step by POST."""

import pytest
from django.urls import reverse

from commonweal.core.testing import assert_valid_html
from commonweal.opendata.feedback.models import Report
from commonweal.opendata.feedback.tests.conftest import POSTCODE

pytestmark = pytest.mark.django_db


def test_raising_a_report_for_a_group(client, catalogue, group, reporter):
    client.force_login(reporter)
    page = client.get(reverse("feedback:new"))
    assert "Town Centre Residents, a group I run" in page.content.decode()
    bad = client.post(
        reverse("feedback:new"),
        {
            "service": "street-lighting",
            "kind": "report",
            "postcode": "ZZ9 9ZZ",
            "title": "Lamp",
            "description": "Out",
        },
    )
    assert bad.status_code == 400 and "There is a problem" in bad.content.decode()
    assert_valid_html(bad)
    done = client.post(
        reverse("feedback:new"),
        {
            "service": "street-lighting",
            "kind": "report",
            "group": str(group.pk),
            "postcode": POSTCODE,
            "title": "Lamp",
            "description": "Out",
        },
    )
    report = Report.objects.get()
    assert done.status_code == 302 and report.group == group
    followed = client.get(done["Location"])
    assert "Your report is sent to Calderdale street services" in followed.content.decode()


def test_an_unroutable_report_says_plainly_it_is_with_the_council(client, catalogue, reporter):
    client.force_login(reporter)
    done = client.post(
        reverse("feedback:new"),
        {
            "service": "housing-repairs",
            "kind": "complaint",
            "postcode": POSTCODE,
            "title": "Damp",
            "description": "Mould",
        },
        follow=True,
    )
    text = done.content.decode()
    assert "is with the council" in text and "triage queue" in text


def test_respond_then_reopen_by_post(client, report, staff, leader):
    client.force_login(staff)
    empty = client.post(reverse("feedback:step", args=[report.pk, "respond"]), {"note": ""})
    assert empty.status_code == 400
    assert_valid_html(empty)
    client.post(reverse("feedback:step", args=[report.pk, "respond"]), {"note": "Fixed"})
    client.force_login(leader)
    client.post(reverse("feedback:step", args=[report.pk, "reopen"]), {"note": "Out again"})
    report.refresh_from_db()
    assert report.status == "reopened"
    page = client.get(reverse("feedback:detail", args=[report.pk]))
    assert "Out again" in page.content.decode() and "after it was reopened" in page.content.decode()


def test_a_step_the_status_does_not_allow_sends_you_back(client, report, leader):
    client.force_login(leader)
    response = client.get(reverse("feedback:step", args=[report.pk, "reopen"]))
    assert response.status_code == 302


def test_filters_and_csv(client, report):
    lsoa = report.lsoa.gss_code
    listed = client.get(reverse("feedback:list"), {"area": lsoa, "status": "received"})
    assert "Street light out" in listed.content.decode()
    none = client.get(reverse("feedback:list"), {"area": "E08000009"})
    assert "Street light out" not in none.content.decode()
    unknown = client.get(reverse("feedback:list"), {"area": "X99"})
    assert unknown.status_code == 400 and "We do not hold an area" in unknown.content.decode()
    assert_valid_html(unknown)
    csv_text = client.get(reverse("feedback:reports_csv")).content.decode()
    assert lsoa in csv_text and POSTCODE not in csv_text and "Ravi" not in csv_text
    league = client.get(reverse("feedback:league_csv")).content.decode()
    assert "Calderdale street services" in league


def test_an_officer_keeps_the_catalogue(client, catalogue, calderdale, personas):
    from commonweal.opendata.feedback.models import Responsibility, Service

    client.force_login(personas["officer"])
    client.post(reverse("feedback:add_service"), {"service-name": "Potholes"})
    assert Service.objects.filter(name="Potholes").exists()
    bad = client.post(
        reverse("feedback:add_responsibility"),
        {
            "responsibility-service": "potholes",
            "responsibility-area": "X99",
            "responsibility-provider": catalogue["council"].organisation.slug,
        },
    )
    assert bad.status_code == 400 and "We do not hold an area" in bad.content.decode()
    assert_valid_html(bad)
    client.post(
        reverse("feedback:add_responsibility"),
        {
            "responsibility-service": "potholes",
            "responsibility-area": calderdale.gss_code,
            "responsibility-provider": catalogue["council"].organisation.slug,
        },
    )
    assert Responsibility.objects.filter(service__slug="potholes").exists()
    page = client.get(reverse("feedback:manage"))
    assert_valid_html(page)
    late = client.post(
        reverse("feedback:add_provider"),
        {
            "provider-organisation": catalogue["contractor"].organisation.slug,
            "provider-sector": "private",
            "provider-acknowledge_days": "9",
            "provider-respond_days": "3",
        },
    )
    assert late.status_code == 400 and "cannot be shorter" in late.content.decode()
