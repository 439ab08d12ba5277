"""A contract linked to the right to challenge procurement exercise it follows."""

import datetime as dt
import json

import pytest
from django.conf import settings
from django.urls import reverse

from commonweal.core.testing import assert_valid_html
from commonweal.directory.tests.conftest import make_group, person
from commonweal.opendata.contracts import services
from commonweal.opendata.contracts.models import Contract
from commonweal.opendata.contracts.ocds import packages, schemas
from commonweal.opendata.contracts.tests.people import make_person
from commonweal.rights.challenge import services as challenge

PERSONAS = ["anonymous", "resident", "organiser", "assessor", "officer", "administrator"]
CONTENTS = {
    "service_and_area": "Detached youth work in Park and Town wards.",
    "financial_resources": "Reserves of £40,000; audited accounts attached.",
    "capability": "Six qualified youth workers.",
    "outcomes": "More young people in positive activities.",
}


def _exercise(officer, authority, name="Youth services", email="rtc.leader@example.org"):
    service = challenge.create_service(
        actor=None,
        authority=authority,
        name=name,
        area_covered=authority.name,
        decision_period=3,
        decision_period_unit="months",
        procurement_min_period=6,
        procurement_min_period_unit="months",
    )
    leader = person(email, display_name="Rita Leader")
    group = make_group(leader, authority, name=f"{name} Collective {authority.pk}", kind="charity")
    expression = challenge.submit_expression(
        actor=leader, service=service, organisation=group, **CONTENTS
    )
    challenge.accept(actor=officer, expression=expression, decided_on=dt.date.today())
    expression.refresh_from_db()
    return expression.procurement


@pytest.fixture
def exercise(officer, calderdale):
    return _exercise(officer, calderdale)


@pytest.fixture
def linked(officer, calderdale, details, exercise):
    details.update(route="challenge", procurement_exercise=exercise)
    return services.record_contract(actor=officer, authority=calderdale, **details)


def test_a_linked_contract_keeps_the_exercise_and_its_reference(linked, exercise):
    assert linked.procurement_exercise == exercise
    assert linked.challenge_reference == exercise.expression.reference
    related = linked.releases.get().data["relatedProcesses"][0]
    assert related["identifier"] == exercise.expression.reference
    assert related["title"].endswith("procurement exercise for Youth services")


def test_linked_releases_and_packages_validate(officer, linked):
    services.amend_contract(actor=officer, contract=linked, rationale="More", title="Youth work")
    services.change_status(actor=officer, contract=linked, status="active")
    directory = str(settings.OCDS_SCHEMA_DIR)
    releases = [r.data for r in linked.releases.order_by("sequence")]
    assert all(r["relatedProcesses"][0]["id"] == "right-to-challenge" for r in releases)
    for release in releases:
        assert schemas.problems(release, "release-schema.json", directory) == []
    package = packages.release_package(releases, uri="https://example.org/releases.json")
    assert schemas.problems(package, "release-package-schema.json", directory) == []


def _refusal(officer, calderdale, details, **changes):
    details = {**details, "route": "challenge", **changes}
    with pytest.raises(services.ContractError) as error:
        services.record_contract(actor=officer, authority=calderdale, **details)
    return error.value.errors["procurement_exercise"]


def test_the_exercise_must_match_the_route_service_council_and_reference(
    officer, administrator, calderdale, trafford, details, exercise
):
    assert "Only a procurement after" in _refusal(
        officer, calderdale, details, procurement_exercise=exercise, route="open"
    )
    assert "must be the same" in _refusal(
        officer, calderdale, details, procurement_exercise=exercise, service="Parks"
    )
    assert "not RTC-1" in _refusal(
        officer, calderdale, details, procurement_exercise=exercise, challenge_reference="RTC-1"
    )
    elsewhere = _exercise(administrator, trafford, email="rtc.trafford@example.org")
    assert "not one of Calderdale" in _refusal(
        officer, calderdale, details, procurement_exercise=elsewhere
    )
    assert Contract.objects.count() == 0


def test_an_imported_reference_without_an_exercise_is_still_kept(officer, calderdale, details):
    details.update(route="challenge", challenge_reference="RTC-OLD-7")
    contract = services.record_contract(actor=officer, authority=calderdale, **details)
    assert contract.procurement_exercise is None and contract.challenge_reference == "RTC-OLD-7"


def test_an_officer_links_the_exercise_through_the_form(
    client, officer, calderdale, supplier, exercise
):
    client.force_login(officer)
    url = reverse("contracts:new") + f"?authority={calderdale.gss_code}"
    page = client.get(url)
    assert exercise.expression.reference in page.content.decode()
    form = {
        "title": "Youth work",
        "service": "Youth services",
        "buyer": "council",
        "supplier_1": str(supplier.pk),
        "currency": "GBP",
        "award_date": "2025-05-01",
        "route": "challenge",
        "procurement_exercise": str(exercise.pk),
        "status": "awarded",
    }
    refused = client.post(url, {**form, "service": "Parks"})
    assert refused.status_code == 400
    assert_valid_html(refused, url)
    assert "must be the same" in refused.content.decode()
    response = client.post(url, form)
    contract = Contract.objects.get(title="Youth work")
    assert response.status_code == 302 and contract.procurement_exercise == exercise


@pytest.fixture
def who(request):
    name = request.param
    return name, None if name == "anonymous" else request.getfixturevalue(name)


@pytest.mark.parametrize("who", PERSONAS, indirect=True)
def test_both_pages_show_the_link_to_everyone(client, who, linked, exercise):
    _, user = who
    if user is not None:
        client.force_login(user)
    reference = exercise.expression.reference
    contract_url = reverse("contracts:detail", args=[linked.pk])
    page = client.get(contract_url)
    assert_valid_html(page, contract_url)
    assert reverse("challenge:expression", args=[reference]) in page.content.decode()
    challenge_url = reverse("challenge:expression", args=[reference])
    page = client.get(challenge_url)
    assert page.status_code == 200
    assert_valid_html(page, challenge_url)
    text = page.content.decode()
    assert "Resulting contract" in text and contract_url in text


def _post(client, body):
    return client.post("/api/v1/contracts/", json.dumps(body), content_type="application/json")


@pytest.mark.parametrize("who", [*PERSONAS, "trafford_officer"], indirect=False)
def test_the_api_links_by_reference(client, who, request, trafford, exercise):
    if who == "trafford_officer":
        client.force_login(make_person("t.rtc.officer@example.org", "officer", trafford))
    elif who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    body = {
        "authority": "E08000033",
        "title": "Youth work",
        "service": "Youth services",
        "route": "challenge",
        "procurement_exercise": exercise.expression.reference,
    }
    created = _post(client, body)
    if who not in ("officer", "administrator"):
        assert created.status_code == (401 if who == "anonymous" else 403)
        return
    assert created.status_code == 201, created.content
    assert created.json()["procurement_exercise"] == exercise.expression.reference
    assert created.json()["challenge_reference"] == exercise.expression.reference
    unknown = _post(client, {**body, "procurement_exercise": "RTC-NONE"})
    assert unknown.status_code == 422
    assert unknown.json()["error"]["details"][0]["location"] == "body.payload.procurement_exercise"
