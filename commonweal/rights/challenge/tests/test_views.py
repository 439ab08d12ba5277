"""The right to challenge's pages: valid HTML in ordinary and error states, the journeys
through the forms, the CSV, the deadlines and the demo."""

import csv
import datetime as dt
import io

import pytest

from commonweal.core.testing import assert_valid_html
from commonweal.rights.challenge import services
from commonweal.rights.challenge.demo import load_sample_service
from commonweal.rights.challenge.models import ExpressionOfInterest, RelevantService
from commonweal.rights.challenge.tests.conftest import CONTENTS
from commonweal.rights.challenge.views.officer import dashboard_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided(service, group, leader, calderdale_officer):
    expression = services.submit_expression(
        actor=leader, service=service, organisation=group, **CONTENTS
    )
    return services.reject(
        actor=calderdale_officer,
        expression=expression,
        grounds={"procurement": "Already out to tender =SUM(A1)."},
    )


def test_public_pages_are_valid(client, service, decided):
    services.publish_window(
        actor=None, service=service, opens=dt.date(2030, 1, 1), closes=dt.date(2030, 1, 31)
    )
    for url in (
        "/rights/challenge/",
        f"/rights/challenge/services/{service.slug}/",
        f"/rights/challenge/expressions/{decided.reference}/",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert_valid_html(response, url)
    page = client.get("/rights/challenge/").content.decode()
    assert "Awaiting legal confirmation" in page
    assert "Already out to tender" in page


def test_an_incomplete_expression_lists_what_is_missing(client, service, group, leader):
    client.force_login(leader)
    url = f"/rights/challenge/services/{service.slug}/express/"
    assert_valid_html(client.get(url), url)
    response = client.post(url, {"body": str(group.pk), "outcomes": "Better parks"})
    assert response.status_code == 400
    assert_valid_html(response, url)
    text = response.content.decode()
    assert "There is a problem" in text
    assert "financial resources" in text and "capability" in text.lower()
    assert not ExpressionOfInterest.objects.exists()


def test_employees_express_an_interest_through_the_form(client, service, resident):
    client.force_login(resident)
    response = client.post(
        f"/rights/challenge/services/{service.slug}/express/",
        {
            "body": "employees",
            "employee_names": "Ann Able\nBen Baker",
            "employee_engagement": "Open meetings.",
            **CONTENTS,
        },
    )
    assert response.status_code == 302
    expression = ExpressionOfInterest.objects.get()
    assert expression.employee_names == ["Ann Able", "Ben Baker"]
    assert response["Location"].endswith(f"/expressions/{expression.reference}/")


def test_the_officer_pages_are_valid_with_and_without_errors(
    client, calderdale_officer, expression, service
):
    client.force_login(calderdale_officer)
    for url in (
        "/rights/challenge/officer/",
        "/rights/challenge/officer/services/new/",
        f"/rights/challenge/officer/services/{service.slug}/",
        f"/rights/challenge/officer/expressions/{expression.reference}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_valid_html(response, url)
    url = f"/rights/challenge/officer/expressions/{expression.reference}/"
    response = client.post(url, {"action": "reject", "reject-ground_frivolous": "on"})
    assert response.status_code == 400
    assert_valid_html(response, url)
    assert "Give the reasons" in response.content.decode()
    response = client.post(url, {"action": "timetable", "expected_decision_on": "not a date"})
    assert response.status_code == 400
    assert_valid_html(response, url)
    response = client.post(
        f"/rights/challenge/officer/services/{service.slug}/",
        {"opens": "2030-02-01", "closes": "2030-01-01"},
    )
    assert response.status_code == 400
    response = client.post("/rights/challenge/officer/services/new/", {"name": ""})
    assert response.status_code == 400
    assert_valid_html(response, "new service")


def test_an_officer_accepts_and_the_public_page_shows_the_procurement(
    client, calderdale_officer, expression
):
    client.force_login(calderdale_officer)
    url = f"/rights/challenge/officer/expressions/{expression.reference}/"
    response = client.post(url, {"action": "accept", "reasons": "Strong local support."})
    assert response.status_code == 302
    client.logout()
    page = client.get("/rights/challenge/").content.decode()
    assert "Procurement exercises" in page and expression.reference in page


def test_an_officer_publishes_a_service_and_a_window(client, calderdale_officer, calderdale):
    client.force_login(calderdale_officer)
    response = client.post(
        "/rights/challenge/officer/services/new/",
        {
            "name": "Library outreach",
            "decision_period": "3",
            "decision_period_unit": "months",
            "procurement_min_period": "6",
            "procurement_min_period_unit": "months",
        },
    )
    assert response.status_code == 302
    service = RelevantService.objects.get(name="Library outreach")
    assert service.authority == calderdale
    response = client.post(
        f"/rights/challenge/officer/services/{service.slug}/",
        {"opens": "2030-01-01", "closes": "2030-01-31"},
    )
    assert response.status_code == 302
    assert service.windows.count() == 1


def test_the_dashboard_sorts_deadlines(service, group, calderdale_officer):
    old = services.submit_expression(
        actor=calderdale_officer,
        service=service,
        organisation=group,
        received_on=dt.date(2024, 1, 10),
        **CONTENTS,
    )
    rows = dashboard_rows(calderdale_officer, dt.date(2024, 4, 8))
    assert [(r["expression"], r["due"]) for r in rows["this_week"]] == [(old, dt.date(2024, 4, 10))]
    assert rows["overdue"][0]["what"].startswith("Tell the body")
    rows = dashboard_rows(calderdale_officer, dt.date(2024, 5, 1))
    assert {r["due"] for r in rows["overdue"]} == {dt.date(2024, 4, 10), dt.date(2024, 2, 9)}


def test_the_csv_has_the_decisions_and_no_formulas(client, decided):
    response = client.get("/rights/challenge/decisions.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["reference"] for r in rows] == [decided.reference]
    assert rows[0]["grounds"] == "procurement"
    assert rows[0]["decision"] == "Rejected"


def test_the_demo_makes_a_sample_service_with_an_open_window(calderdale, officer):
    lines = load_sample_service(calderdale, officer, "pw")
    service = RelevantService.objects.get(authority=calderdale, is_sample=True)
    assert lines and service.window_on(dt.date.today()) is not None
    assert load_sample_service(calderdale, officer, "pw") == []
