import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from commonweal.core import audit
from commonweal.core.audit_views import PAGE_SIZE, changes
from commonweal.core.models import AuditEvent

pytestmark = pytest.mark.django_db

EXPECTED = {
    "anonymous": 302,
    "resident": 403,
    "organiser": 403,
    "officer": 200,
    "assessor": 403,
    "administrator": 200,
}


@pytest.fixture
def signed_in(client, request):
    def sign_in(persona):
        if persona != "anonymous":
            client.force_login(request.getfixturevalue(persona))
        return client

    return sign_in


def record(action, actor=None, **kwargs):
    with transaction.atomic():
        return audit.record(action, actor=actor, **kwargs)


@pytest.mark.parametrize("persona", list(EXPECTED))
def test_who_may_see_the_audit_trail(signed_in, persona):
    response = signed_in(persona).get("/audit/")
    assert response.status_code == EXPECTED[persona]
    if persona == "anonymous":
        assert response["Location"].startswith("/accounts/sign-in/?next=/audit/")


def test_newest_first_with_readable_changes(client, officer, resident):
    record("group.created", actor=resident, object_type="directory.group", object_repr="Old")
    record(
        "group.renamed",
        actor=resident,
        object_type="directory.group",
        object_id="7",
        object_repr="Allotment society",
        before={"name": "Allotments", "verified": False},
        after={"name": "Allotment society", "verified": True},
    )
    client.force_login(officer)
    html = client.get("/audit/").content.decode()
    assert "govuk-table" in html
    assert html.index("group.renamed") < html.index("group.created")
    assert "<del>Allotments</del> → Allotment society" in html
    assert "<del>No</del> → Yes" in html
    assert "resident@example.org" in html


def test_filters(client, officer, resident, other_resident):
    record("group.created", actor=resident, object_type="directory.group")
    record("grant.awarded", actor=other_resident, object_type="funding.award")
    old = record("group.deleted", actor=resident, object_type="directory.group")
    AuditEvent.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=30)
    )
    client.force_login(officer)

    def actions(**params):
        html = client.get("/audit/", params).content.decode()
        return {a for a in ("group.created", "grant.awarded", "group.deleted") if a in html}

    assert actions(action="group") == {"group.created", "group.deleted"}
    assert actions(object_type="funding.award") == {"grant.awarded"}
    assert actions(actor="neighbour@") == {"grant.awarded"}
    today = timezone.localdate().isoformat()
    assert actions(date_from=today) == {"group.created", "grant.awarded"}
    last_week = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()
    assert actions(date_to=last_week) == {"group.deleted"}


def test_bad_dates_show_an_error(client, officer):
    client.force_login(officer)
    html = client.get("/audit/", {"date_from": "2026-02-30"}).content.decode()
    assert "govuk-error-summary" in html
    html = client.get("/audit/", {"date_from": "2026-03-02", "date_to": "2026-03-01"}).content
    assert b"must be the same as or after" in html


def test_paginated(client, officer):
    with transaction.atomic():
        for number in range(PAGE_SIZE + 5):
            audit.record("thing.done", object_type="x", object_id=str(number))
    client.force_login(officer)
    first = client.get("/audit/", {"action": "thing"})
    assert first.context["page"].paginator.num_pages == 2
    assert len(first.context["rows"]) == PAGE_SIZE
    assert "action=thing&amp;page=2" in first.content.decode()
    second = client.get("/audit/", {"action": "thing", "page": 2})
    assert len(second.context["rows"]) == 5


def test_erased_actors_are_not_named(client, officer, resident):
    from commonweal.accounts.erasure import erase_account

    erase_account(actor=resident, user=resident)
    client.force_login(officer)
    html = client.get("/audit/").content.decode()
    assert "An erased account" in html
    assert "erased.invalid" not in html


def test_changes_for_odd_values():
    event = AuditEvent(before=None, after={"items": [1, 2], "when": "2026-11-22T10:30:00+00:00"})
    rows = changes(event)
    assert rows[0] == {"field": "Items", "before": "", "after": "1, 2"}
    assert rows[1]["after"] == "22 November 2026 10:30"
    assert changes(AuditEvent(before=None, after=["a"])) == [
        {"field": "Value", "before": "", "after": "a"}
    ]
