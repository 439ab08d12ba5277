"""A group's activities: the service (checked, atomic, audited, permitted) and its pages."""

import pytest
from django.core.exceptions import PermissionDenied

from commonweal.core.models import AuditEvent
from commonweal.directory import services
from commonweal.directory.models import Activity
from commonweal.directory.tests.manage_support import errors_of, url

pytestmark = pytest.mark.django_db


# The service ---------------------------------------------------------------------------


def test_creating_an_activity_checks_and_tidies_its_details(group, leader):
    activity = services.create_activity(
        actor=leader,
        organisation=group,
        name="  Knit   and natter ",
        schedule="Tuesdays 7pm",
        postcode="hx1 1aa",
        url="example.org/knit",
        email="knit@example.org",
    )
    assert activity.organisation == group
    assert activity.name == "Knit and natter"
    assert activity.postcode == "HX1 1AA"
    assert activity.url == "https://example.org/knit"
    event = AuditEvent.objects.get(action="directory.activity_added")
    assert event.actor == leader and event.object_id == str(group.pk)
    assert event.after["name"] == "Knit and natter"


def test_bad_activity_details_are_all_reported_and_nothing_is_saved(group, leader):
    with pytest.raises(services.DirectoryInvalid) as caught:
        services.create_activity(
            actor=leader,
            organisation=group,
            name=" ",
            postcode="ZZ9 9ZZ",
            url="not a web address",
            email="nobody",
            schedule="x" * 201,
        )
    assert set(caught.value.errors) == {"name", "postcode", "url", "email", "schedule"}
    assert "We do not hold the postcode ZZ9 9ZZ" in caught.value.errors["postcode"]
    assert not Activity.objects.exists()
    assert not AuditEvent.objects.filter(action="directory.activity_added").exists()


def test_a_postcode_outside_the_groups_borough_is_refused(group, leader):
    with pytest.raises(services.DirectoryInvalid) as caught:
        services.create_activity(actor=leader, organisation=group, name="Walk", postcode="M32 0AA")
    assert caught.value.errors == {"postcode": "M32 0AA is not in Calderdale."}


def test_a_malformed_postcode_is_refused(group, leader):
    with pytest.raises(services.DirectoryInvalid) as caught:
        services.create_activity(actor=leader, organisation=group, name="Walk", postcode="HX")
    assert set(caught.value.errors) == {"postcode"}


def test_only_people_who_edit_the_group_change_its_activities(
    group, other_leader, resident, calderdale_officer
):
    with pytest.raises(PermissionDenied):
        services.create_activity(actor=resident, organisation=group, name="Walk")
    with pytest.raises(PermissionDenied):
        services.create_activity(actor=other_leader, organisation=group, name="Walk")
    activity = services.create_activity(actor=calderdale_officer, organisation=group, name="Walk")
    with pytest.raises(PermissionDenied):
        services.update_activity(actor=other_leader, activity=activity, name="Run")
    with pytest.raises(PermissionDenied):
        services.delete_activity(actor=resident, activity=activity)
    activity.refresh_from_db()
    assert activity.name == "Walk"


def test_updating_records_only_what_changed(group, leader):
    activity = services.create_activity(actor=leader, organisation=group, name="Walk")
    services.update_activity(actor=leader, activity=activity, name="Walk", schedule="")
    assert not AuditEvent.objects.filter(action="directory.activity_changed").exists()
    services.update_activity(actor=leader, activity=activity, schedule="Sundays 10am")
    event = AuditEvent.objects.get(action="directory.activity_changed")
    assert event.before == {"activity": activity.pk, "schedule": ""}
    assert event.after == {"activity": activity.pk, "schedule": "Sundays 10am"}
    activity.refresh_from_db()
    assert activity.schedule == "Sundays 10am"


def test_a_bad_update_changes_nothing(group, leader):
    activity = services.create_activity(actor=leader, organisation=group, name="Walk")
    with pytest.raises(services.DirectoryInvalid):
        services.update_activity(actor=leader, activity=activity, name="", email="x")
    activity.refresh_from_db()
    assert activity.name == "Walk"


def test_an_unknown_detail_is_refused(group, leader):
    with pytest.raises(services.DirectoryInvalid) as caught:
        services.create_activity(actor=leader, organisation=group, name="Walk", organisation_id=9)
    assert set(caught.value.errors) == {"organisation_id"}


def test_deleting_is_audited(group, leader):
    activity = services.create_activity(actor=leader, organisation=group, name="Walk")
    services.delete_activity(actor=leader, activity=activity)
    assert not Activity.objects.exists()
    event = AuditEvent.objects.get(action="directory.activity_removed")
    assert event.before["name"] == "Walk"


# The pages -----------------------------------------------------------------------------


def test_adding_an_activity(client, group, leader):
    client.force_login(leader)
    response = client.post(
        url("activity_new", group.slug),
        {"name": "Litter pick", "schedule": "First Saturday, 10am", "postcode": "HX1 1AA"},
        follow=True,
    )
    activity = Activity.objects.get(organisation=group)
    assert (activity.name, activity.schedule, activity.postcode) == (
        "Litter pick",
        "First Saturday, 10am",
        "HX1 1AA",
    )
    page = response.content.decode()
    assert "Added “Litter pick”." in page
    assert url("activity_edit", group.slug, activity.pk) in page


def test_a_bad_activity_is_refused_with_every_reason(client, group, leader):
    client.force_login(leader)
    response = client.post(
        url("activity_new", group.slug), {"name": "", "url": "not a web address"}
    )
    assert response.status_code == 400
    errors = errors_of(response)
    assert "Enter the name of the activity." in errors
    assert "Enter a web address like https://example.org/activity." in errors
    assert not Activity.objects.exists()


def test_editing_an_activity(client, group, leader):
    activity = services.create_activity(actor=leader, organisation=group, name="Walk")
    client.force_login(leader)
    page = client.get(url("activity_edit", group.slug, activity.pk)).content.decode()
    assert 'value="Walk"' in page
    response = client.post(
        url("activity_edit", group.slug, activity.pk), {"name": "Walk", "email": "walk@x.org"}
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.email == "walk@x.org"


def test_a_bad_edit_is_refused(client, group, leader):
    activity = services.create_activity(actor=leader, organisation=group, name="Walk")
    client.force_login(leader)
    response = client.post(
        url("activity_edit", group.slug, activity.pk), {"name": "Walk", "postcode": "ZZ9 9ZZ"}
    )
    assert response.status_code == 400
    assert any("We do not hold the postcode ZZ9 9ZZ" in error for error in errors_of(response))
    activity.refresh_from_db()
    assert activity.postcode == ""


def test_deleting_asks_first_then_deletes(client, group, leader):
    activity = services.create_activity(actor=leader, organisation=group, name="Walk")
    client.force_login(leader)
    page = client.get(url("activity_delete", group.slug, activity.pk)).content.decode()
    assert "Delete “Walk”?" in page
    assert Activity.objects.exists()
    response = client.post(url("activity_delete", group.slug, activity.pk))
    assert response.status_code == 302
    assert not Activity.objects.exists()
