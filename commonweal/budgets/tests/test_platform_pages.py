"""The pages through the test client: the whole flow without JavaScript, error summaries on
every form, and every page valid HTML."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from commonweal.budgets import phases, services
from commonweal.budgets.models import IdeaStatus, PaperEntryStatus
from commonweal.budgets.tests.platform_fixtures import *  # noqa: F403
from commonweal.budgets.tests.platform_support import (
    POSTCODE,
    give_role,
    make_person,
    staged,
    to,
)
from commonweal.core.testing import assert_valid_html

pytestmark = pytest.mark.django_db


def ok(response, status=200):
    assert response.status_code == status, response.content[:2000]
    if status == 200:
        assert_valid_html(response)
    return response


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, "PNG")
    return SimpleUploadedFile("bench.png", buffer.getvalue(), content_type="image/png")


def test_officer_starts_a_process(client, officer, calderdale):
    client.force_login(officer)
    page = ok(client.post(reverse("budgets:process_new"), {}))
    assert b"There is a problem" in page.content
    response = client.post(
        reverse("budgets:process_new"),
        {
            "title": "Ward budget",
            "area": calderdale.pk,
            "budget": "20000",
            "ballot_kind": "knapsack",
            "official_rule": "equalshares-net",
            "min_age": "16",
            "age_check": "declaration",
        },
    )
    assert response.status_code == 302
    ok(client.get(response["Location"]))


def test_a_resident_proposes_with_a_photo_and_errors_are_shown(client, process, resident):
    client.force_login(resident)
    url = reverse("budgets:propose", args=[process.slug])
    ok(client.get(url))
    pot = process.pots.first()
    page = ok(client.post(url, {"pot": pot.pk, "title": "", "description": "", "postcode": "HX1"}))
    assert b"There is a problem" in page.content
    bad = SimpleUploadedFile("x.png", b"not an image", content_type="image/png")
    page = ok(
        client.post(
            url,
            {"pot": pot.pk, "title": "A", "description": "B", "postcode": POSTCODE, "photo": bad},
        )
    )
    assert b"JPEG, PNG or WebP" in page.content
    response = client.post(
        url,
        {
            "pot": pot.pk,
            "title": "Benches",
            "description": "Two benches",
            "postcode": POSTCODE,
            "photo": png(),
            "photo_description": "A green square",
        },
    )
    assert response.status_code == 302
    idea = pot.ideas.get()
    ok(client.get(response["Location"]))
    photo = client.get(reverse("budgets:photo", args=[process.slug, idea.pk]))
    assert photo.status_code == 200
    ok(client.post(reverse("budgets:comment", args=[process.slug, idea.pk]), {"text": ""}))
    assert client.post(reverse("budgets:support", args=[process.slug, idea.pk])).status_code == 302


def test_the_officer_assesses_rejects_and_merges(client, process, resident, officer):
    pot = process.pots.first()
    a, b, c = (
        services.propose_idea(actor=resident, pot=pot, title=t, description="d", postcode=POSTCODE)
        for t in "ABC"
    )
    client.force_login(officer)
    url = reverse("budgets:assess", args=[process.slug, a.pk])
    ok(client.get(url))
    ok(client.post(url, {"decision": "feasible", "cost": "lots"}))
    assert client.post(url, {"decision": "feasible", "cost": "£7,500"}).status_code == 302
    page = ok(
        client.post(reverse("budgets:assess", args=[process.slug, b.pk]), {"decision": "reject"})
    )
    assert b"Give the reason" in page.content
    client.post(
        reverse("budgets:assess", args=[process.slug, b.pk]),
        {"decision": "reject", "note": "Not council land."},
    )
    client.post(
        reverse("budgets:assess", args=[process.slug, c.pk]), {"decision": "merge", "into": a.pk}
    )
    b.refresh_from_db()
    c.refresh_from_db()
    assert (b.status, c.status) == (IdeaStatus.REJECTED, IdeaStatus.MERGED)
    assert (
        b"Not council land."
        in ok(client.get(reverse("budgets:idea", args=[process.slug, b.pk]))).content
    )


@pytest.mark.parametrize("kind", ["approval", "knapsack", "cumulative", "ranking"])
def test_each_kind_of_ballot_without_javascript(client, officer, calderdale, resident, kind):
    from commonweal.budgets.tests.platform_support import add_ideas, make_process

    process = make_process(officer, calderdale, ballot_kind=kind, max_projects=None)
    pot, ideas = add_ideas(process, resident, officer)
    to(process, phases.VOTING, officer)
    client.force_login(resident)
    url = reverse("budgets:ballot", args=[process.slug, pot.pk])
    ok(client.get(url))
    wrong = {"cumulative": "99", "ranking": "3"}.get(kind, "1")
    fields = {f"p{i.pk}": wrong for i in ideas}
    page = ok(client.post(url, {**fields, "action": "cast", "postcode": POSTCODE}))
    assert b"There is a problem" in page.content
    right = {"cumulative": "4", "ranking": "1"}.get(kind, "1")
    page = ok(client.post(url, {f"p{ideas[0].pk}": right, "action": "check"}))
    assert b"There is a problem" not in page.content
    response = client.post(
        url,
        {f"p{ideas[0].pk}": right, "action": "cast", "postcode": POSTCODE, "age_declared": "on"},
    )
    assert response.status_code == 302
    assert services.own_ballot(pot, resident) is not None
    ok(client.get(url))


def test_paper_entry_pages(client, officer, calderdale, resident, second_officer):
    process, pot, ideas = staged(officer, calderdale, resident, phases.VOTING)
    url = reverse("budgets:paper", args=[process.slug])
    client.force_login(officer)
    ok(client.get(url))
    ok(client.post(url, {"action": "location", "name": ""}))
    client.post(url, {"action": "location", "name": "Library"})
    location = process.locations.get()
    entry = {
        "action": "entry",
        "pot": pot.pk,
        "location": location.pk,
        "serial": "7",
        f"p{ideas[0].pk}": "1",
    }
    assert client.post(url, entry).status_code == 302
    client.force_login(second_officer)
    page = ok(client.post(url, {**entry, f"p{ideas[1].pk}": "1"}))
    assert b"does not match" in page.content
    client.force_login(officer)
    client.post(url, entry)
    client.force_login(second_officer)
    assert client.post(url, entry).status_code == 302
    assert pot.paper_entries.filter(status=PaperEntryStatus.CONFIRMED).count() == 1
    page = ok(client.get(reverse("budgets:tallies", args=[process.slug])))
    assert b"Library" in page.content


def test_counting_results_and_delivery_pages(client, officer, calderdale, resident):
    process, pot, ideas = staged(officer, calderdale, resident, phases.COUNTING)
    client.force_login(officer)
    ok(client.get(reverse("budgets:process", args=[process.slug])))
    assert client.post(reverse("budgets:count", args=[process.slug])).status_code == 302
    page = ok(client.get(reverse("budgets:results", args=[process.slug])))
    assert (
        b"Compared with greedy" in page.content and b"Share of the budget by area" in page.content
    )
    to(process, phases.DELIVERY, officer)
    funded = next(i for i in ideas if services.is_funded(i))
    url = reverse("budgets:delivery", args=[process.slug, funded.pk])
    ok(client.get(url))
    ok(client.post(url, {"status": "in_progress", "spent": "-5"}))
    assert (
        client.post(
            url, {"status": "in_progress", "spent": "2500", "milestone": "Ordered"}
        ).status_code
        == 302
    )
    client.logout()
    page = ok(client.get(reverse("budgets:results", args=[process.slug])))
    assert b"Ordered" in page.content
    pb = client.get(reverse("budgets:election_pb", args=[process.slug, pot.pk]))
    assert pb.content.startswith(b"META")
    rule = client.get(reverse("budgets:rule_json", args=[process.slug, pot.pk])).json()
    assert rule["rule"] == "equalshares-net" and "configuration" in rule


def test_public_pages_are_valid(client, officer, calderdale, resident):
    staged(officer, calderdale, resident, phases.RESULTS)
    ok(client.get(reverse("budgets:home")))
    for process in __import__(
        "commonweal.budgets.models", fromlist=["Process"]
    ).Process.objects.all():
        ok(client.get(reverse("budgets:process", args=[process.slug])))
        ok(client.get(reverse("budgets:results", args=[process.slug])))


def test_organisers_enter_paper_ballots(officer, calderdale, resident, organiser):
    process, pot, ideas = staged(officer, calderdale, resident, phases.VOTING)
    location = services.add_location(actor=officer, process=process, name="Hall")
    services.enter_paper_ballot(
        actor=officer, pot=pot, location=location, serial="1", choices={str(ideas[0].pk): 1}
    )
    give_role(organiser, "organiser")
    entry = services.enter_paper_ballot(
        actor=organiser, pot=pot, location=location, serial="1", choices={str(ideas[0].pk): 1}
    )
    assert entry.status == PaperEntryStatus.CONFIRMED


def test_an_officer_adds_a_pot_for_a_ward(client, process, officer, trafford):
    from commonweal.places.models import Area, AreaType

    client.force_login(officer)
    url = reverse("budgets:pot_new", args=[process.slug])
    ok(client.get(url))
    page = ok(client.post(url, {}))
    assert b"There is a problem" in page.content
    ward = Area.objects.of_type(AreaType.WARD).in_authority(process.authority).last()
    assert client.post(url, {"area": ward.pk, "budget": "5000"}).status_code == 302
    assert process.pots.filter(area=ward, name=ward.name).exists()
    elsewhere = Area.objects.of_type(AreaType.WARD).in_authority(trafford).first()
    with pytest.raises(services.BudgetsError, match="must be in"):
        services.add_pot(actor=officer, process=process, name="X", area=elsewhere, budget=1)


def test_tallies_by_project_and_location_and_in_the_export(officer, calderdale, resident, client):
    from commonweal.budgets import counting as engine

    process, pot, ideas = staged(officer, calderdale, resident, phases.VOTING)
    other = make_person("counter@example.org", "officer")
    hall = services.add_location(actor=officer, process=process, name="Town Hall")
    for who in (officer, other):
        services.enter_paper_ballot(
            actor=who, pot=pot, location=hall, serial="9", choices={str(ideas[2].pk): 1}
        )
    client.force_login(officer)
    page = ok(client.get(reverse("budgets:tallies", args=[process.slug])))
    assert b"Town Hall" in page.content and ideas[2].title.encode() in page.content
    election = engine.loads(services.pb_text(pot))
    assert [b.fields.get("location") for b in election.ballots] == ["", "Town Hall"]
