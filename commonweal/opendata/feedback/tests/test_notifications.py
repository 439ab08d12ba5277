"""Emails: the provider's staff hear of a report that reaches them, the reporter and their
group's leaders hear that it was acknowledged or answered; only after the step is committed,
one message each, nothing personal about anyone else, nobody erased or without an address."""

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from commonweal.directory.models import Membership
from commonweal.opendata.feedback import services
from commonweal.opendata.feedback.tests.conftest import POSTCODE

pytestmark = pytest.mark.django_db

PRIVATE = ("Ravi", "Reporter", "reporter@example.org", "Lena", "Sam Staff", "library", "HX1")


def _to(messages) -> set[str]:
    return {address for message in messages for address in message.to}


def _raise(catalogue, reporter, group=None, service="lighting"):
    return services.raise_report(
        actor=reporter,
        service=catalogue[service],
        title="Street light out",
        description="The light outside the library has been out for a week.",
        postcode=POSTCODE,
        group=group,
    )


def _no_personal_data(message):
    text = message.subject + message.body
    for word in PRIVATE:
        assert word not in text, (word, text)


def test_the_providers_staff_are_told_of_a_new_report(
    catalogue, group, reporter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = _raise(catalogue, reporter, group)
    assert _to(mail.outbox) == {"staff@council.example"}
    (message,) = mail.outbox
    assert message.subject == "New report for you: Street light out"
    assert f"/feedback/reports/{report.pk}/" in message.body
    assert (
        "Street lighting" in message.body and "acknowledge it within 2 working days" in message.body
    )
    _no_personal_data(message)


def test_nobody_is_told_until_the_step_is_committed(
    catalogue, reporter, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        _raise(catalogue, reporter)
        raise RuntimeError("rolled back")
    assert callbacks == [] and mail.outbox == []


def test_a_report_in_triage_tells_nobody_until_an_officer_routes_it(
    catalogue, reporter, personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = _raise(catalogue, reporter, service="repairs")
    assert report.status == "triage" and mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        services.route_from_triage(
            actor=personas["officer"], report=report, provider=catalogue["contractor"]
        )
    assert _to(mail.outbox) == {"staff@contractor.example"}
    assert "A council officer has sent you a report from the triage queue." in mail.outbox[0].body
    _no_personal_data(mail.outbox[0])


def test_the_reporter_and_the_groups_leaders_are_told_of_an_acknowledgement_and_a_response(
    report, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.acknowledge(actor=staff, report=report, note="Looking at it.")
    assert _to(mail.outbox) == {"reporter@example.org", "leader@example.org"}
    assert len(mail.outbox) == 2  # one each: nobody sees who else was told
    assert all(
        m.subject == "Your report has been acknowledged: Street light out" for m in mail.outbox
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.respond(actor=staff, report=report, note="Sam fixed it on Tuesday.")
    assert _to(mail.outbox) == {"reporter@example.org", "leader@example.org"}
    for message in mail.outbox:
        assert message.subject == "Your report has a response: Street light out"
        assert "reopen" in message.body and "Tuesday" not in message.body
        assert "Sam" not in message.body


def test_erased_people_those_without_an_address_and_former_members_are_not_told(
    report, staff, reporter, leader, group, django_capture_on_commit_callbacks
):
    reporter.erased_at = timezone.now()
    reporter.save(update_fields=["erased_at"])
    Membership.objects.filter(organisation=group, user=leader).update(left_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        services.acknowledge(actor=staff, report=report)
    assert mail.outbox == []
    staff.email = ""
    staff.save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True):
        services.respond(actor=staff, report=report, note="Done.")
    assert mail.outbox == []


def test_an_officers_answer_is_told_to_the_reporter_too(
    report, personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.respond(actor=personas["officer"], report=report, note="Passed on.")
    assert _to(mail.outbox) == {"reporter@example.org", "leader@example.org"}


def test_the_page_sends_the_email_after_the_step(
    client, report, staff, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/feedback/reports/{report.pk}/respond/", {"note": "Fixed."})
    assert response.status_code == 302
    assert _to(mail.outbox) == {"reporter@example.org", "leader@example.org"}


def test_sample_reports_tell_nobody(catalogue, reporter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.raise_report(
            actor=None,
            service=catalogue["lighting"],
            title="Sample",
            description="Made for the demo.",
            postcode=POSTCODE,
            is_sample=True,
        )
    assert mail.outbox == []
