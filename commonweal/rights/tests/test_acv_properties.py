"""Properties of the right to bid, through the services and the entry the public sees:
the protected period always ends after the full moratorium; a request received after the
interim moratorium never creates a full moratorium; a disposal to a buyer who is not a
community interest group is allowed exactly inside the window."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commonweal.rights import services
from commonweal.rights.calendar import MonthRule
from commonweal.rights.models import Disposal
from commonweal.rights.presenters import entry
from commonweal.rights.services.state import latest_notice, timeline_for

pytestmark = pytest.mark.django_db
EXAMPLES = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
CIGS = st.sampled_from(
    ["parish-council", "charity", "community-interest-company", "company-limited-by-guarantee"]
)
NOTICE_DAYS = st.dates(min_value=dt.date(2024, 3, 5), max_value=dt.date(2026, 11, 1))


class _Rollback(Exception):
    pass


def _in_savepoint(check):
    try:
        with transaction.atomic():
            check()
            raise _Rollback
    except _Rollback:
        pass


@EXAMPLES
@given(notice_day=NOTICE_DAYS, offset=st.integers(0, 41), kind=CIGS)
def test_the_protected_period_always_ends_after_the_full_moratorium(
    people, listed, notice_day, offset, kind
):
    def check():
        services.record_disposal_notice(
            actor=people["officer"], nomination=listed, received_on=notice_day
        )
        result = services.record_bidder_request(
            actor=people["officer"],
            nomination=listed,
            group_name="Group",
            body_kind=kind,
            received_on=min(notice_day + dt.timedelta(days=offset), dt.date.today()),
        )
        assert result.counts
        shown = entry(listed, notice_day)
        assert shown.interim_end < shown.full_end < shown.protected_end
        timeline = timeline_for(latest_notice(listed))
        for rule in MonthRule:
            assert timeline.moratorium_end(rule) < timeline.protected_period_end.under(rule)

    _in_savepoint(check)


@EXAMPLES
@given(notice_day=NOTICE_DAYS, late_by=st.integers(1, 400), kind=CIGS)
def test_a_request_after_the_interim_period_never_creates_a_full_moratorium(
    people, listed, notice_day, late_by, kind
):
    def check():
        notice = services.record_disposal_notice(
            actor=people["officer"], nomination=listed, received_on=notice_day
        )
        received = timeline_for(notice).interim_moratorium_end + dt.timedelta(days=late_by)
        if received > dt.date.today():
            return
        result = services.record_bidder_request(
            actor=people["officer"],
            nomination=listed,
            group_name="Late group",
            body_kind=kind,
            received_on=received,
        )
        assert not result.counts
        assert entry(listed, received).full_end is None

    _in_savepoint(check)


@EXAMPLES
@given(notice_day=NOTICE_DAYS, day_offset=st.integers(-10, 700))
def test_a_disposal_is_allowed_exactly_inside_the_window(people, listed, notice_day, day_offset):
    def check():
        notice = services.record_disposal_notice(
            actor=people["officer"], nomination=listed, received_on=notice_day
        )
        # Never before the listing: an agreement binding before it is outside the regime.
        day = max(notice_day + dt.timedelta(days=day_offset), listed.decided_on)
        assessment = services.assess_disposal(
            Disposal(
                nomination=listed,
                disposal_type="freehold_vacant",
                binding_on=day,
                buyer="Developer",
                buyer_kind="other",
            )
        )
        assert assessment.allowed is timeline_for(notice).disposal_window().contains(day)

    _in_savepoint(check)
