"""Telling people by email that a report needs them, or that it has been answered.

Sent only after the step is committed (a rolled-back step tells nobody), one message per
person so nobody sees who else was told, through Django's email framework (EMAIL_BACKEND).
A message names the report, the service and the small area, and links to the report: never
the reporter, nor anything they wrote, since a provider's staff or a group's leaders are
told too. People with no email address, or who have erased their account, are not told.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

log = logging.getLogger(__name__)

SIGN_OFF = "This message was sent by Commonweal. Please do not reply to it."


def reachable(users) -> list:
    """The people we may email: an address, an account not erased, not disabled; each once."""
    seen, found = set(), []
    for user in users:
        if user is None or user.pk in seen:
            continue
        seen.add(user.pk)
        if user.email and user.erased_at is None and user.is_active:
            found.append(user)
    return found


def provider_staff(report) -> list:
    if report.provider_id is None:
        return []
    memberships = report.provider.organisation.memberships.current().select_related("user")
    return reachable(m.user for m in memberships)


def reporters(report) -> list:
    """The reporter, and for a group report the group's current leaders and admins."""
    people = [report.reporter]
    if report.group_id:
        people += [m.user for m in report.group.memberships.editors().select_related("user")]
    return reachable(people)


def _link(report) -> str:
    path = reverse("feedback:detail", args=[report.pk])
    return getattr(settings, "SITE_URL", "").rstrip("/") + path


def _where(report) -> str:
    if report.lsoa_id:
        return f"{report.lsoa.name} ({report.lsoa.gss_code}), {report.authority.name}"
    return report.authority.name


def _summary(report) -> str:
    return (
        f"Report {report.pk}: {report.title}\n"
        f"Service: {report.service.name}\n"
        f"Where: {_where(report)}\n"
        f"Status: {report.status_label}\n"
    )


def _send(people, subject: str, body: str) -> None:
    for user in people:
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        except Exception:  # one failed address must not stop the others, nor undo the step
            log.exception("Could not send a feedback email to user %s", user.pk)


def _later(people_of, subject: str, body_of, report) -> None:
    """Work out who and what now (inside the step), send once the step is committed."""
    if report.is_sample:
        return  # the demo's sample reports are nobody's business to be told about
    people = people_of(report)
    if not people:
        return
    body = body_of(report)
    transaction.on_commit(lambda: _send(people, subject, body))


def report_arrived(report, *, routed: bool = False) -> None:
    """A report reached its provider: raised where they are responsible, or routed to them."""
    how = (
        "A council officer has sent you a report from the triage queue."
        if routed
        else "A report has been raised about a service you are responsible for."
    )
    targets = report.provider.targets if report.provider_id else None

    def body(report) -> str:
        due = (
            f"Please acknowledge it within {targets.acknowledge_days} working day"
            f"{'s' if targets.acknowledge_days != 1 else ''} and respond within "
            f"{targets.respond_days}.\n\n"
            if targets
            else ""
        )
        return (
            f"{how}\n\n{_summary(report)}\n{due}"
            f"Read it, and acknowledge or respond, at:\n{_link(report)}\n\n{SIGN_OFF}\n"
        )

    _later(provider_staff, f"New report for you: {report.title}", body, report)


def provider_answered(report, *, responded: bool) -> None:
    """The provider (or the council) acknowledged or responded: tell those who raised it."""
    if responded:
        subject = f"Your report has a response: {report.title}"
        what = (
            "The report you raised, or your group raised, has been answered. The response is "
            "published with the report. If it does not settle the matter you can reopen the "
            "report or escalate it to the council."
        )
    else:
        subject = f"Your report has been acknowledged: {report.title}"
        what = (
            "The report you raised, or your group raised, has been acknowledged. The provider "
            "still owes a response."
        )

    def body(report) -> str:
        return f"{what}\n\n{_summary(report)}\nSee it at:\n{_link(report)}\n\n{SIGN_OFF}\n"

    _later(reporters, subject, body, report)
