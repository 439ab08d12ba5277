"""Escalation to the council: its own clock, the officer who takes it, the officers' queue,
and what the public page says; each page and action for every persona."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.test import override_settings
from django.urls import reverse

from commonweal.core.models import AuditEvent
from commonweal.core.testing import assert_valid_html
from commonweal.opendata.feedback import services
from commonweal.opendata.feedback.engine.clocks import ClockState, Step, escalation_clocks
from commonweal.opendata.feedback.personal_data import personal_data
from commonweal.opendata.feedback.tests.conftest import PERSONAS, client_for
from commonweal.opendata.feedback.tests.test_views_permissions import OFFICERS, _expect
from commonweal.rights.calendar import england_and_wales

D = dt.date
EW = england_and_wales()
# Monday 2 March 2026: 20 working days beginning with the day after end on Monday 30 March.
ESCALATED = D(2026, 3, 2)
DUE = D(2026, 3, 30)


def test_the_escalation_clock_counts_working_days_from_the_escalation():
    history = [("received", D(2026, 2, 2)), ("responded", D(2026, 2, 20)), ("escalated", ESCALATED)]
    (clock,) = escalation_clocks(history, 20, D(2026, 3, 30), EW)
    assert (clock.step, clock.started, clock.due, clock.state) == (
        Step.ESCALATION,
        ESCALATED,
        DUE,
        ClockState.DUE,
    )
    (late,) = escalation_clocks(history, 20, D(2026, 3, 31), EW)
    assert late.state is ClockState.OVERDUE


def test_the_next_response_settles_it_and_closing_stops_it_without_a_verdict():
    base = [("received", D(2026, 2, 2)), ("escalated", ESCALATED)]
    (met,) = escalation_clocks([*base, ("responded", DUE)], 20, D(2026, 6, 1), EW)
    assert (met.state, met.working_days) == (ClockState.MET, 20)
    (missed,) = escalation_clocks([*base, ("responded", D(2026, 3, 31))], 20, D(2026, 6, 1), EW)
    assert missed.state is ClockState.MISSED
    (stopped,) = escalation_clocks([*base, ("closed", D(2026, 3, 3))], 20, D(2026, 6, 1), EW)
    assert stopped.state is ClockState.STOPPED
    # An acknowledgement is not a settlement; a second escalation has a clock of its own.
    again = [*base, ("acknowledged", D(2026, 3, 3)), ("responded", D(2026, 3, 4))]
    again += [("escalated", D(2026, 4, 1))]
    first, second = escalation_clocks(again, 20, D(2026, 4, 2), EW)
    assert first.stopped == D(2026, 3, 4) and second.started == D(2026, 4, 1)
    assert second.state is ClockState.DUE
    assert escalation_clocks(base[:1], 20, D(2026, 6, 1), EW) == []
    with pytest.raises(ValueError):
        escalation_clocks(base, 0, D(2026, 6, 1), EW)


@pytest.fixture
def escalated(db, report, reporter):
    return services.escalate(actor=reporter, report=report, note="Still dark after a month.")


@pytest.mark.django_db
def test_an_officer_takes_an_escalation_and_answers_for_it(escalated, personas, reporter, staff):
    officer = personas["officer"]
    for refused in (reporter, staff, personas["resident"]):
        with pytest.raises(PermissionDenied):
            services.take_escalation(actor=refused, report=escalated)
    taken = services.take_escalation(actor=officer, report=escalated)
    assert taken.escalation_owner == officer and taken.escalation_taken_at is not None
    assert AuditEvent.objects.filter(action="feedback.escalation_taken", actor=officer).exists()
    with pytest.raises(services.FeedbackError):
        services.take_escalation(actor=officer, report=taken)
    # Another officer may take it over.
    again = services.take_escalation(actor=personas["administrator"], report=taken)
    assert again.escalation_owner == personas["administrator"]
    assert personal_data(personas["administrator"])["escalations_taken"][0]["report"] == taken.pk


@pytest.mark.django_db
def test_only_an_escalated_report_can_be_taken(report, personas):
    with pytest.raises(PermissionDenied):
        services.take_escalation(actor=personas["officer"], report=report)


@pytest.mark.django_db
@override_settings(FEEDBACK_ESCALATION_RESPOND_DAYS=3)
def test_the_clock_follows_the_setting_and_a_response_settles_it(escalated, staff):
    (clock,) = services.report_escalation_clocks(escalated)
    start = escalated.history.last().changed_at.date()
    assert clock.started == start and clock.state is ClockState.DUE
    assert (clock.due - start).days in range(3, 8)  # three working days, weekends skipped
    services.respond(actor=staff, report=escalated, note="Replaced the lamp.")
    (clock,) = services.report_escalation_clocks(escalated)
    assert clock.state is ClockState.MET


@pytest.mark.django_db
@pytest.mark.parametrize("who", PERSONAS)
def test_the_escalations_queue_and_taking_one(client, personas, escalated, who):
    client = client_for(client, personas[who])
    response = _expect(client, reverse("feedback:escalations"), OFFICERS, who)
    if who in OFFICERS:
        page = response.content.decode()
        assert "Street light out" in page and "Nobody yet" in page and "Take it" in page
    take = reverse("feedback:take", args=[escalated.pk])
    response = _expect(client, take, OFFICERS, who, method="post", data={"next": "queue"})
    escalated.refresh_from_db()
    if who in OFFICERS:
        assert response["Location"] == reverse("feedback:escalations")
        assert escalated.escalation_owner == personas[who]
        page = client.get(reverse("feedback:escalations")).content.decode()
        assert '<td class="govuk-table__cell">You</td>' in page
    else:
        assert escalated.escalation_owner is None


@pytest.mark.django_db
def test_taking_needs_a_post_and_an_open_escalation(client, personas, escalated, reporter):
    client.force_login(personas["officer"])
    take = reverse("feedback:take", args=[escalated.pk])
    assert client.get(take)["Location"] == reverse("feedback:detail", args=[escalated.pk])
    escalated.refresh_from_db()
    assert escalated.escalation_owner is None
    services.close(actor=reporter, report=escalated)
    assert client.post(take).status_code == 403


@pytest.mark.django_db
def test_the_public_page_shows_the_escalations_clock_but_not_who_took_it(
    client, personas, escalated
):
    officer = personas["officer"]
    officer.display_name = "Olive Officer"
    officer.save(update_fields=["display_name"])
    services.take_escalation(actor=officer, report=escalated)
    url = reverse("feedback:detail", args=[escalated.pk])
    response = client.get(url)
    assert_valid_html(response, url)
    page = response.content.decode()
    assert "Escalation to the council" in page and "Council settles the escalation" in page
    assert "A council officer, on" in page and "Olive Officer" not in page
    client.force_login(officer)
    page = client.get(url).content.decode()
    assert "Olive Officer, on" in page and "Take this escalation" not in page
    client.force_login(personas["administrator"])
    assert "Take this escalation" in client.get(url).content.decode()


@pytest.mark.django_db
def test_the_provider_queue_keeps_to_the_providers_own_clocks(client, escalated, staff, catalogue):
    client.force_login(staff)
    slug = catalogue["council"].organisation.slug
    page = client.get(reverse("feedback:provider_queue", args=[slug]))
    assert page.status_code == 200
    assert "Council settles" not in page.content.decode()
