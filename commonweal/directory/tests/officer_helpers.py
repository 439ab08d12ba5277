"""Fixtures and helpers for the officers' page tests (imported by test_views_officer*.py)."""

import pytest
from django.urls import reverse

from commonweal.core.models import AuditEvent
from commonweal.directory import services
from commonweal.directory.models import Organisation


def register_pending(authority, name="Todmorden Repair Cafe", **details) -> Organisation:
    """An unverified community group serving the whole borough, registered by the system."""
    details.setdefault("kind", "community_group")
    details.setdefault("charity_number", "1234567")
    details.setdefault("active_volunteers", 8)
    details.setdefault("paid_staff_fte", "0.5")
    details.setdefault("contract_income_share", "0.1")
    organisation = services.register_organisation(
        actor=None, authority=authority, name=name, **details
    )
    services.set_benefit(actor=None, organisation=organisation, borough_wide=True)
    return Organisation.records.get(pk=organisation.pk)


@pytest.fixture
def pending(calderdale) -> Organisation:
    return register_pending(calderdale)


@pytest.fixture
def overridden(group) -> Organisation:
    """The `group` fixture with its classification overridden to provider."""
    return services.override_classification(
        actor=None,
        organisation=group,
        classification="provider",
        justification="Runs the council's day centre under contract.",
    )


def audit_count() -> int:
    return AuditEvent.objects.count()


def login_url() -> str:
    return reverse("accounts:login")


def error_summary(response) -> str:
    """The text of the page's error summary ('' when there is none)."""
    text = response.content.decode()
    start = text.find('class="govuk-error-summary"')
    if start < 0:
        return ""
    return text[start : text.find("</ul>", start)]
