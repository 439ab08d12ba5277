"""The pages: the register, an area, the applications, the officer's cases and a plan's
stages, all valid HTML, with their error states."""

import datetime as dt

import pytest
from django.urls import reverse

from commonweal.core.testing import assert_valid_html
from commonweal.rights.planning.models import AreaStatus, ForumStatus, PlanStage
from commonweal.rights.planning.tests.conftest import PASSWORD, apply, wards

pytestmark = pytest.mark.django_db


def signed_in(client, user):
    client.login(email=user.email, password=PASSWORD)
    return client


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    assert_valid_html(response, url)
    return response


def test_the_register_shows_designated_areas_on_a_map_with_a_table(client, area, forum, plan):
    response = get(client, reverse("neighbourhoodplanning:index"))
    text = response.content.decode()
    assert area.name in text and "<svg" in text and forum.name in text
    assert "Being prepared" in text


def test_the_register_with_nothing_designated(client, calderdale):
    text = get(client, reverse("neighbourhoodplanning:index") + "?borough=E08000009").content
    assert b"No neighbourhood areas are designated" in text


def test_an_unknown_borough_is_404(client, calderdale):
    assert client.get(reverse("neighbourhoodplanning:index") + "?borough=X1").status_code == 404


def test_an_area_page_shows_its_forum_and_plan(client, area, forum, plan):
    text = get(client, reverse("neighbourhoodplanning:area", args=[area.pk])).content.decode()
    assert forum.name in text and plan.title in text
    assert "Awaits legal confirmation" in text  # the forum's five years


def test_an_application_not_yet_publicised_is_hidden_from_the_public(
    client, leader, forum_org, other_leader
):
    pending = apply(leader, forum_org, (10,))
    url = reverse("neighbourhoodplanning:area", args=[pending.pk])
    assert client.get(url).status_code == 404
    assert signed_in(client, other_leader).get(url).status_code == 404
    client.logout()
    get(signed_in(client, leader), url)


def test_applying_for_an_area_through_the_form(client, leader, forum_org, calderdale):
    url = reverse("neighbourhoodplanning:apply_area")
    signed_in(client, leader)
    get(client, url)
    response = client.post(url, {"applicant": forum_org.pk, "name": ""})
    assert response.status_code == 200
    assert_valid_html(response, url)
    assert b"There is a problem" in response.content
    ward = wards(calderdale, 10)[0]
    response = client.post(
        url,
        {
            "applicant": forum_org.pk,
            "name": "Rastrick",
            "places": [ward.gss_code],
            "statement": "Our part of town",
            "relevant_body_statement": "We could be a forum",
        },
    )
    assert response.status_code == 302
    assert forum_org.neighbourhood_areas.get().status == AreaStatus.RECEIVED


def test_a_service_refusal_shows_on_the_form(client, leader, forum_org):
    url = reverse("neighbourhoodplanning:apply_area")
    response = signed_in(client, leader).post(
        url,
        {
            "applicant": forum_org.pk,
            "name": "Nowhere",
            "statement": "x",
            "relevant_body_statement": "y",
        },
    )
    assert b"choose the wards" in response.content
    assert_valid_html(response, url)


def test_a_resident_without_a_group_is_told_how_to_apply(client, resident):
    text = get(signed_in(client, resident), reverse("neighbourhoodplanning:apply_area")).content
    assert b"directory" in text


def test_the_officer_publicises_and_designates_an_area(
    client, leader, calderdale_officer, forum_org
):
    pending = apply(leader, forum_org, (10,))
    url = reverse("neighbourhoodplanning:area_case", args=[pending.pk])
    signed_in(client, calderdale_officer)
    get(client, url)
    response = client.post(
        url, {"action": "publicise", "first_publicised_on": "8/1/2024", "closes_on": "1/2/2024"}
    )
    assert b"19 February 2024" in response.content
    assert_valid_html(response, url)
    client.post(url, {"action": "publicise", "first_publicised_on": "8/1/2024"})
    pending.refresh_from_db()
    assert pending.status == AreaStatus.PUBLICISED
    get(client, url)
    client.post(url, {"action": "designate", "decided_on": "1/3/2024"})
    pending.refresh_from_db()
    assert pending.status == AreaStatus.DESIGNATED


def test_a_forum_applies_and_the_officer_designates_it(
    client, leader, calderdale_officer, forum_org, area
):
    url = reverse("neighbourhoodplanning:apply_forum", args=[area.pk])
    signed_in(client, leader)
    get(client, url)
    response = client.post(
        url,
        {
            "organisation": forum_org.pk,
            "purpose": "Well-being of the area",
            "express_purpose": "on",
            "members_live": "20",
            "members_work": "1",
            "members_elected": "0",
            "members_other": "3",
            "membership_evidence": "Register seen",
            "open_to_residents": "on",
            "open_to_workers": "on",
            "open_to_elected_members": "on",
            "written_constitution": "on",
            "constitution_reference": "By email",
            "contact": "sec@example.org",
        },
    )
    assert response.status_code == 302
    forum = area.forums.get()
    # As if it had arrived in March (publicity cannot come before receipt).
    type(forum).objects.filter(pk=forum.pk).update(received_on=dt.date(2024, 3, 4))
    client.logout()
    case = reverse("neighbourhoodplanning:forum_case", args=[forum.pk])
    signed_in(client, calderdale_officer)
    get(client, case)
    client.post(case, {"action": "publicise", "first_publicised_on": "11/3/2024"})
    response = client.post(case, {"action": "designate", "decided_on": "1/4/2024"})
    assert b"22 April 2024" in response.content  # the earliest decision date
    assert_valid_html(response, case)
    client.post(case, {"action": "designate", "decided_on": "1/5/2024"})
    forum.refresh_from_db()
    assert forum.status == ForumStatus.DESIGNATED and forum.expires_on == dt.date(2029, 4, 30)


def test_the_plan_page_records_the_consultation(client, leader, plan):
    url = reverse("neighbourhoodplanning:plan", args=[plan.pk])
    get(client, url)  # public, with no form
    signed_in(client, leader)
    assert b"Record the consultation" in get(client, url).content
    response = client.post(
        url,
        {
            "action": "consultation",
            "first_publicised_on": "3/6/2024",
            "closes_on": "1/7/2024",
            "consultees": "Historic England",
        },
    )
    assert b"15 July 2024" in response.content
    assert_valid_html(response, url)
    client.post(
        url,
        {
            "action": "consultation",
            "first_publicised_on": "3/6/2024",
            "consultees": "Historic England\nNatural England",
        },
    )
    plan.refresh_from_db()
    assert plan.stage == PlanStage.CONSULTATION
    client.logout()
    text = get(client, url).content.decode()
    assert "15 July 2024" in text and "Natural England" in text


def test_every_stage_form_renders(client, leader, calderdale_officer, plan):
    from commonweal.rights.planning.tests.test_services_plans import to_referendum

    to_referendum(leader, calderdale_officer, plan)
    url = reverse("neighbourhoodplanning:plan", args=[plan.pk])
    signed_in(client, calderdale_officer)
    text = get(client, url).content.decode()
    assert "Record a referendum result" in text
    response = client.post(
        url,
        {
            "action": "referendum",
            "kind": "residential",
            "held_on": "14/8/2025",
            "yes": "10",
            "no": "3",
            "rejected": "0",
        },
    )
    assert response.status_code == 302
    text = get(client, url).content.decode()
    assert "Make the plan" in text and "Approved" in text


def test_the_dashboard_buckets_deadlines(client, leader, calderdale_officer, forum_org):
    pending = apply(leader, forum_org, (10,))
    from commonweal.rights.planning import services

    services.publicise_area(
        actor=calderdale_officer, area=pending, first_publicised_on=dt.date(2024, 1, 8)
    )
    text = get(
        signed_in(client, calderdale_officer), reverse("neighbourhoodplanning:dashboard")
    ).content.decode()
    assert "Overdue" in text and pending.name in text and "9 April 2024" in text


def test_the_start_plan_page(client, leader, area, forum):
    url = reverse("neighbourhoodplanning:start_plan", args=[area.pk])
    signed_in(client, leader)
    get(client, url)
    response = client.post(url, {"title": ""})
    assert_valid_html(response, url)
    response = client.post(url, {"title": "Our plan"})
    assert response.status_code == 302 and area.plans.get().title == "Our plan"
