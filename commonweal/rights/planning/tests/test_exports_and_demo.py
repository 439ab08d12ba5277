"""Open data exports, the officers' deadlines, and the demo loader."""

import csv
import datetime as dt
import io
import json

import pytest
from django.urls import reverse

from commonweal.core.models import AuditEvent
from commonweal.rights.planning import services
from commonweal.rights.planning.deadlines import deadlines_for
from commonweal.rights.planning.demo import load_sample_planning
from commonweal.rights.planning.models import NeighbourhoodArea, NeighbourhoodForum, PlanStage
from commonweal.rights.planning.tests.conftest import apply

pytestmark = pytest.mark.django_db


def test_the_areas_csv_and_geojson(client, area, forum, plan):
    rows = list(
        csv.DictReader(
            io.StringIO(client.get(reverse("neighbourhoodplanning:areas_csv")).content.decode())
        )
    )
    assert [r["name"] for r in rows] == [area.name]
    assert rows[0]["qualifying_body"] == forum.organisation.name
    assert rows[0]["plan_stage"] == "Being prepared" and rows[0]["designated_on"] == "2024-03-01"
    collection = json.loads(client.get(reverse("neighbourhoodplanning:areas_geojson")).content)
    assert collection["type"] == "FeatureCollection"
    feature = collection["features"][0]
    assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert feature["properties"]["name"] == area.name


def test_the_forums_csv_and_geojson(client, forum):
    rows = list(
        csv.DictReader(
            io.StringIO(client.get(reverse("neighbourhoodplanning:forums_csv")).content.decode())
        )
    )
    assert rows[0]["name"] == forum.name and rows[0]["expires_on"] == "2029-04-30"
    assert rows[0]["qualifying_members"] == "21"
    collection = json.loads(client.get(reverse("neighbourhoodplanning:forums_geojson")).content)
    assert collection["features"][0]["properties"]["area_id"] == forum.area_id


def test_exports_leave_out_undecided_applications(client, leader, forum_org):
    apply(leader, forum_org, (10,))
    assert client.get(reverse("neighbourhoodplanning:areas_csv")).content.count(b"\n") == 1


def test_deadlines_due_this_week_and_overdue(leader, calderdale_officer, forum_org, calderdale):
    pending = apply(leader, forum_org, (10,))
    services.publicise_area(
        actor=calderdale_officer, area=pending, first_publicised_on=dt.date(2024, 1, 8)
    )
    buckets = deadlines_for([calderdale.pk], dt.date(2024, 4, 5))
    assert [d.due_on for d in buckets["this-week"]] == [dt.date(2024, 4, 9)]
    buckets = deadlines_for(None, dt.date(2024, 4, 10))
    assert [d.what for d in buckets["overdue"]] == ["Decide the area application"]
    assert deadlines_for([], dt.date(2024, 4, 10))["overdue"] == []


def test_an_application_just_received_waits_for_publicity(leader, forum_org):
    apply(leader, forum_org, (10,))
    assert [d.what for d in deadlines_for(None, dt.date(2024, 4, 10))["no-date"]] == [
        "Publicise the area application"
    ]


def test_a_forum_nearing_the_end_of_its_designation(forum):
    soon = deadlines_for(None, dt.date(2029, 1, 1))
    assert "Forum designation ends" in [d.what for d in soon["later"]]


def test_the_demo_makes_a_sample_area_and_forum_from_real_wards(calderdale, calderdale_officer):
    lines = load_sample_planning(calderdale, calderdale_officer, "a demo password for tests")
    assert "Made a sample neighbourhood area (Park and Town (sample))" in lines[0]
    area = NeighbourhoodArea.objects.get(authority=calderdale)
    assert area.is_sample and area.status == "designated"
    assert sorted(p.name for p in area.places.all()) == ["Park", "Town"]
    forum = NeighbourhoodForum.objects.get(area=area)
    assert forum.status == "designated" and forum.is_sample
    plan = area.plans.get()
    assert plan.stage == PlanStage.CONSULTATION and plan.consultees.count() == 4
    assert AuditEvent.objects.filter(action="neighbourhoodplanning.forum_designated").exists()
    assert load_sample_planning(calderdale, calderdale_officer, "again") == []


def test_personal_data_lists_what_a_person_applied_for_and_recorded(leader, forum, plan):
    from commonweal.rights.planning.personal_data import personal_data

    data = personal_data(leader)
    assert [a["area"] for a in data["neighbourhood_area_applications"]] == [forum.area.name]
    assert data["neighbourhood_forum_applications"][0]["published_contact"] == forum.contact
    assert {s["status"] for s in data["neighbourhood_planning_steps_recorded"]} >= {
        "received",
        "preparing",
    }


def test_the_lapse_command(forum):
    from io import StringIO

    from django.core.management import CommandError, call_command

    out = StringIO()
    call_command("planning_lapse_forums", "--on", "2029-05-01", stdout=out)
    assert "1 forum designation(s) lapsed." in out.getvalue()
    forum.refresh_from_db()
    assert forum.status == "expired" and forum.status_changes.last().changed_by is None
    with pytest.raises(CommandError):
        call_command("planning_lapse_forums", "--on", "soon")
