"""The right to data requests log: services, clocks, pages, CSV, API, permissions, personal data."""

import csv
import datetime as dt
import io
import json

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from commonweal.core import personal_data as platform_data
from commonweal.core.models import AuditEvent
from commonweal.core.testing import assert_valid_html
from commonweal.opendata.contracts.tests.people import make_person
from commonweal.opendata.datarequests import services
from commonweal.opendata.datarequests.models import DataRequest, StatusChange

PERSONAS = [
    "anonymous",
    "resident",
    "organiser",
    "assessor",
    "officer",
    "trafford_officer",
    "administrator",
]
STAFF = {"officer", "administrator"}


@pytest.fixture
def logged(officer, calderdale, resident):
    return services.record_request(
        actor=officer,
        authority=calderdale,
        body_council=calderdale,
        subject="Potholes reported by ward",
        received_on=dt.date(2025, 4, 14),  # Monday before Good Friday and Easter Monday
        requester_name="Rita Resident",
        requester_email="resident@example.org",
        show_name=False,
    )


def test_the_clock_counts_working_days_from_the_day_after(logged):
    # 20 working days from 15 April 2025, skipping Good Friday (18th) and Easter Monday (21st)
    # and the early May bank holiday (5 May).
    assert logged.due_on == dt.date(2025, 5, 15)
    assert logged.target_working_days == 20
    assert StatusChange.objects.get(request=logged).status == "received"
    assert AuditEvent.objects.filter(action="datarequests.recorded").count() == 1
    assert "Rita" not in json.dumps(AuditEvent.objects.get(action="datarequests.recorded").after)


def test_the_target_is_a_setting(settings, officer, calderdale):
    settings.DATA_REQUESTS_TARGET_WORKING_DAYS = 5
    item = services.record_request(
        actor=officer,
        authority=calderdale,
        body_council=calderdale,
        subject="Bins",
        received_on=dt.date(2025, 6, 2),
    )
    assert item.due_on == dt.date(2025, 6, 9)


def test_outcomes(officer, logged):
    with pytest.raises(services.RequestError) as refused:
        services.set_outcome(
            actor=officer, request=logged, status="refused", answered_on=dt.date(2025, 5, 1)
        )
    assert "reason" in refused.value.errors["refusal_reason"]
    with pytest.raises(services.RequestError):
        services.set_outcome(
            actor=officer, request=logged, status="published", answered_on=dt.date(2025, 5, 1)
        )
    item = services.set_outcome(
        actor=officer,
        request=logged,
        status="published",
        answered_on=dt.date(2025, 5, 20),
        dataset_url="https://example.org/potholes.csv",
    )
    assert item.on_time() is False
    assert item.working_days_taken() == 23
    assert [c.status for c in item.changes.all()] == ["received", "published"]


def test_people_who_are_not_officers_here_cannot_record(resident, trafford, calderdale):
    other = make_person("t.officer@example.org", "officer", trafford)
    for actor in (resident, other):
        with pytest.raises(PermissionDenied):
            services.record_request(
                actor=actor,
                authority=calderdale,
                body_council=calderdale,
                subject="x",
                received_on=dt.date(2025, 1, 6),
            )


def test_the_name_is_shown_only_with_consent(client, logged, officer):
    url = reverse("datarequests:detail", args=[logged.pk])
    page = client.get(url)
    assert_valid_html(page, url)
    assert "Rita Resident" not in page.content.decode()
    assert "Withheld" in page.content.decode()
    rows = list(
        csv.DictReader(io.StringIO(client.get(reverse("datarequests:csv")).content.decode()))
    )
    assert rows[0]["requested_by"] == "Withheld"
    assert "resident@example.org" not in json.dumps(client.get("/api/v1/data-requests/").json())
    DataRequest.objects.filter(pk=logged.pk).update(show_name=True)
    assert "Rita Resident" in client.get(url).content.decode()


def test_the_log_filters(client, logged, officer):
    url = reverse("datarequests:list")
    page = client.get(url)
    assert_valid_html(page, url)
    assert logged.subject in page.content.decode()
    assert logged.subject in client.get(url, {"status": "received", "year": 2025}).content.decode()
    assert logged.subject not in client.get(url, {"status": "refused"}).content.decode()
    bad = client.get(url, {"year": "soon"})
    assert bad.status_code == 400
    assert_valid_html(bad, url)


def test_an_officer_records_and_answers_through_the_pages(client, officer, calderdale):
    client.force_login(officer)
    url = reverse("datarequests:new") + f"?authority={calderdale.gss_code}"
    assert_valid_html(client.get(url), url)
    refused = client.post(url, {"body": "council", "subject": "", "show_name": "on"})
    assert refused.status_code == 400
    assert_valid_html(refused, url)
    assert "Say what data was asked for" in refused.content.decode()
    response = client.post(
        url,
        {"body": "council", "subject": "Air quality readings", "received_on": "2025-03-03"},
    )
    item = DataRequest.objects.get(subject="Air quality readings")
    assert response.url == reverse("datarequests:detail", args=[item.pk])
    outcome = reverse("datarequests:outcome", args=[item.pk])
    assert_valid_html(client.get(outcome), outcome)
    bad = client.post(outcome, {"status": "refused", "answered_on": "2025-03-10"})
    assert bad.status_code == 400
    assert_valid_html(bad, outcome)
    client.post(outcome, {"status": "answered", "answered_on": "2025-03-10", "answer": "Sent"})
    item.refresh_from_db()
    assert item.status == "answered" and item.on_time() is True
    assert_valid_html(client.get(reverse("datarequests:new")), "choose")


@pytest.fixture
def who(request, trafford):
    name = request.param
    if name == "anonymous":
        return name, None
    if name == "trafford_officer":
        return name, make_person("t.officer@example.org", "officer", trafford)
    return name, request.getfixturevalue(name)


@pytest.mark.parametrize("who", PERSONAS, indirect=True)
def test_every_page_and_operation_for_every_persona(client, who, logged, calderdale):
    name, user = who
    if user is not None:
        client.force_login(user)
    for url in (
        reverse("datarequests:list"),
        reverse("datarequests:csv"),
        reverse("datarequests:detail", args=[logged.pk]),
        "/api/v1/data-requests/",
        f"/api/v1/data-requests/{logged.pk}",
    ):
        assert client.get(url).status_code == 200, url
    allowed = name in STAFF
    expected = 302 if name == "anonymous" else (200 if allowed else 403)
    new = reverse("datarequests:new") + f"?authority={calderdale.gss_code}"
    outcome = reverse("datarequests:outcome", args=[logged.pk])
    assert client.get(new).status_code == expected
    assert client.get(outcome).status_code == expected
    posted = client.post(new, {"body": "council", "subject": "Trees", "received_on": "2025-01-06"})
    answered = client.post(outcome, {"status": "answered", "answered_on": "2025-05-01"})
    assert (posted.status_code, answered.status_code) == (
        (302, 302) if allowed else (expected,) * 2
    )
    api_new = client.post(
        "/api/v1/data-requests/",
        json.dumps({"authority": "E08000033", "subject": "Trees", "received_on": "2025-01-06"}),
        content_type="application/json",
    )
    api_outcome = client.post(
        f"/api/v1/data-requests/{logged.pk}/outcome",
        json.dumps({"status": "refused", "answered_on": "2025-05-02", "refusal_reason": "No"}),
        content_type="application/json",
    )
    codes = (api_new.status_code, api_outcome.status_code)
    if allowed:
        assert codes == (201, 200)
        assert DataRequest.objects.count() == 3
    else:
        assert codes == ((401, 401) if name == "anonymous" else (403, 403))
        assert DataRequest.objects.count() == 1


def test_personal_data_export_and_erasure(resident, logged, administrator):
    from commonweal.accounts.erasure import erase_account

    exported = platform_data.export(resident)["features"]["datarequests"]["data_requests"]
    assert exported[0]["requester_name"] == "Rita Resident"
    assert exported[0]["name_shown_publicly"] is False
    erase_account(actor=administrator, user=resident)
    logged.refresh_from_db()
    assert (logged.requester_name, logged.requester_email, logged.show_name) == ("", "", False)
    assert logged.subject == "Potholes reported by ward"  # the log keeps the request itself


def test_the_demo(calderdale, officer):
    from commonweal.opendata.datarequests.demo import load_sample_requests

    assert load_sample_requests(calderdale, officer, "pw")
    assert DataRequest.objects.filter(is_sample=True).count() == 3
    assert load_sample_requests(calderdale, officer, "pw") == []


def test_a_dataset_held_here_can_be_the_one_published(client, officer, logged):
    from commonweal.datasets.models import DataSet

    dataset = DataSet.objects.order_by("pk").first()
    client.force_login(officer)
    outcome = reverse("datarequests:outcome", args=[logged.pk])
    response = client.post(
        outcome, {"status": "published", "answered_on": "2025-05-01", "dataset": dataset.pk}
    )
    assert response.status_code == 302
    logged.refresh_from_db()
    assert logged.dataset == dataset
    page = client.get(reverse("datarequests:detail", args=[logged.pk]))
    assert dataset.title in page.content.decode()
    assert client.get(f"/api/v1/data-requests/{logged.pk}").json()["dataset"] == dataset.title
