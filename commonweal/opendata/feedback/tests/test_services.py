"""Routing, the state machine with its attributed history, support, and the audit trail."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from commonweal.core.models import AuditEvent
from commonweal.opendata.feedback import services
from commonweal.opendata.feedback.models import Actor, Report, StatusChange
from commonweal.opendata.feedback.tests.conftest import POSTCODE, ward_of

pytestmark = pytest.mark.django_db


def test_a_report_goes_to_the_provider_for_the_borough_and_is_placed_in_its_lsoa(report):
    assert report.status == "received"
    assert report.provider.name == "Calderdale street services"
    assert report.routed_by_area.area_type == "lad"
    assert report.lsoa.area_type == "lsoa21" and report.postcode == POSTCODE
    assert report.latitude is not None
    (step,) = report.history.all()
    assert (step.status, step.acting_as, step.changed_by) == (
        "received",
        "reporter",
        report.reporter,
    )
    assert AuditEvent.objects.filter(action="feedback.report_raised", object_id=str(report.pk))


def test_the_most_specific_area_wins(catalogue, reporter):
    ward = ward_of(POSTCODE)
    services.assign_responsibility(
        actor=None, service=catalogue["lighting"], area=ward, provider=catalogue["contractor"]
    )
    report = services.raise_report(
        actor=reporter,
        service=catalogue["lighting"],
        title="Lamp",
        description="Out.",
        postcode=POSTCODE,
    )
    assert report.provider == catalogue["contractor"] and report.routed_by_area == ward


def test_a_point_is_located_too(catalogue, reporter):
    report = services.raise_report(
        actor=reporter,
        service=catalogue["lighting"],
        title="Lamp",
        description="Out.",
        lon=-1.8575,
        lat=53.7243,
    )
    assert report.authority.gss_code == "E08000033" and report.lsoa is not None


def test_nobody_responsible_means_the_council_triage_queue(catalogue, reporter, officer):
    report = services.raise_report(
        actor=reporter,
        service=catalogue["repairs"],
        title="Damp",
        description="Mould.",
        postcode=POSTCODE,
    )
    assert report.status == "triage" and report.provider is None
    assert services.report_clocks(report) == []
    services.route_from_triage(actor=officer, report=report, provider=catalogue["council"])
    report.refresh_from_db()
    assert report.status == "received" and report.provider == catalogue["council"]
    assert [c.step for c in services.report_clocks(report)] == ["acknowledge", "respond"]


@pytest.mark.parametrize(
    ("where", "field"),
    [
        ({"postcode": "ZZ9 9ZZ"}, "postcode"),
        ({"postcode": "not one"}, "postcode"),
        ({"lon": -0.1276, "lat": 51.5072}, "point"),
        ({}, "postcode"),
    ],
)
def test_places_we_cannot_route_are_refused_plainly(catalogue, reporter, where, field):
    with pytest.raises(services.FeedbackError) as caught:
        services.raise_report(
            actor=reporter, service=catalogue["lighting"], title="x", description="y", **where
        )
    assert caught.value.field == field


def test_the_whole_life_of_a_report_is_recorded_step_by_step(report, staff, reporter, leader):
    services.acknowledge(actor=staff, report=report)
    services.respond(actor=staff, report=report, note="Fixed on Tuesday.")
    services.reopen(actor=leader, report=report, note="It is out again.")
    services.escalate(actor=reporter, report=report, note="Third time.")
    services.respond(actor=staff, report=report, note="Cable replaced.")
    services.close(actor=reporter, report=report)
    report.refresh_from_db()
    assert report.status == "closed" and report.escalated
    steps = list(report.history.values_list("status", "acting_as"))
    assert steps == [
        ("received", "reporter"),
        ("acknowledged", "provider"),
        ("responded", "provider"),
        ("reopened", "reporter"),
        ("escalated", "reporter"),
        ("responded", "provider"),
        ("closed", "reporter"),
    ]
    actions = set(
        AuditEvent.objects.filter(object_id=str(report.pk)).values_list("action", flat=True)
    )
    assert {"feedback.report_reopened", "feedback.report_closed"} <= actions


def test_an_officer_answering_is_attributed_as_an_officer(report, officer):
    services.respond(actor=officer, report=report, note="Passed to the crew.")
    assert report.history.last().acting_as == Actor.OFFICER


def test_steps_the_status_does_not_allow_are_refused(report, reporter, staff):
    with pytest.raises(services.FeedbackError):
        services.reopen(actor=reporter, report=report, note="Not yet answered")
    with pytest.raises(services.FeedbackError) as caught:
        services.respond(actor=staff, report=report, note="  ")
    assert caught.value.field == "note"


def test_people_who_may_not_are_refused(report, other_staff, leader, staff):
    with pytest.raises(PermissionDenied):
        services.respond(actor=other_staff, report=report, note="Not ours")
    with pytest.raises(PermissionDenied):
        services.acknowledge(actor=leader, report=report)
    services.respond(actor=staff, report=report, note="Done")
    with pytest.raises(PermissionDenied):
        services.reopen(actor=staff, report=report, note="Not theirs to reopen")


def test_history_rows_are_never_edited(report):
    step = report.history.first()
    step.note = "changed"
    with pytest.raises(ValidationError):
        step.save()


def test_a_step_cannot_be_dated_before_the_last(report, staff):
    with pytest.raises(services.FeedbackError):
        services.acknowledge(
            actor=staff, report=report, at=report.created_at - dt.timedelta(days=1)
        )


def test_only_a_group_they_run_can_raise_a_report_for_a_group(catalogue, group, personas):
    with pytest.raises(services.FeedbackError) as caught:
        services.raise_report(
            actor=personas["resident"],
            service=catalogue["lighting"],
            title="x",
            description="y",
            postcode=POSTCODE,
            group=group,
        )
    assert caught.value.field == "group"


def test_a_group_collects_support_and_names_stay_private(report, leader, personas):
    resident = personas["resident"]
    with pytest.raises(PermissionDenied):
        services.add_support(actor=resident, report=report, consent=True)
    services.collect_support(actor=leader, report=report, group=report.group)
    with pytest.raises(services.FeedbackError):
        services.add_support(actor=resident, report=report, consent=False)
    supporter = services.add_support(actor=resident, report=report, consent=True)
    assert supporter.name == "Rita Resident"
    with pytest.raises(services.FeedbackError):
        services.add_support(actor=resident, report=report, consent=True)
    services.withdraw_support(actor=resident, report=report)
    supporter.refresh_from_db()
    assert supporter.withdrawn_at is not None and supporter.name == ""
    with pytest.raises(services.FeedbackError):
        services.collect_support(actor=leader, report=report, group=report.group)


def test_providers_targets_are_checked(catalogue):
    with pytest.raises(services.FeedbackError):
        services.register_provider(
            actor=None,
            organisation=catalogue["council"].organisation,
            sector="council",
            acknowledge_days=5,
            respond_days=2,
        )
    with pytest.raises(services.FeedbackError):
        services.register_provider(
            actor=None, organisation=catalogue["council"].organisation, sector="guild"
        )


def test_league_tables_from_the_reports(report, staff):
    from commonweal.opendata.feedback.services.league import league_tables

    services.respond(actor=staff, report=report, note="Done")
    by_provider, by_sector = league_tables()
    assert [(r.name, r.answered, r.on_time) for r in by_provider] == [
        ("Calderdale street services", 1, 1)
    ]
    assert by_sector[0].name == "Council"


def test_clocks_use_the_providers_targets_and_local_dates(report, staff):
    later = timezone.now() + dt.timedelta(days=30)
    services.respond(actor=staff, report=report, note="Late", at=later)
    respond = next(c for c in services.report_clocks(report) if c.step == "respond")
    assert respond.state == "missed" and respond.working_days > 10
    assert Report.objects.get(pk=report.pk).status == "responded"
    assert StatusChange.objects.filter(report=report).count() == 2
