"""Properties of the statutory calendar that hold for every date (hypothesis)."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from commonweal.rights.calendar import (
    BidderRequest,
    BodyKind,
    england_and_wales,
    is_working_day,
    months_beginning_with,
    next_working_day,
    weeks_beginning_with,
    working_days_beginning_with_day_after,
)
from commonweal.rights.calendar.acv import disposal_timeline

days = st.dates(min_value=dt.date(2012, 9, 21), max_value=dt.date(2040, 12, 31))
kinds = st.sampled_from(list(BodyKind))


@st.composite
def notices_and_requests(draw):
    notice = draw(days)
    requests = draw(
        st.lists(
            st.builds(
                BidderRequest,
                received=st.integers(0, 120).map(lambda n: notice + dt.timedelta(days=n)),
                kind=kinds,
                received_by_council=st.booleans(),
            ),
            max_size=3,
        )
    )
    return notice, requests


@given(notices_and_requests())
def test_the_periods_are_in_order_under_both_rules(case):
    notice, requests = case
    timeline = disposal_timeline(notice, requests)
    for rule in "CB":
        assert notice <= timeline.interim_moratorium_end <= timeline.moratorium_end(rule)
        if timeline.full_moratorium_end is not None:
            assert timeline.interim_moratorium_end < timeline.full_moratorium_end.under(rule)
            assert timeline.full_moratorium_end.under(rule) < timeline.protected_period_end.under(
                rule
            )
        window = timeline.disposal_window(rule)
        assert window.opens <= window.closes == timeline.protected_period_end.under(rule)


@given(notices_and_requests())
def test_a_request_after_the_interim_period_never_creates_a_full_moratorium(case):
    notice, requests = case
    interim_end = weeks_beginning_with(notice, 6)
    timely = [item for item in requests if item.received <= interim_end]
    assert (
        disposal_timeline(notice, requests).full_moratorium_applies
        == disposal_timeline(notice, timely).full_moratorium_applies
    )


@given(days, st.integers(1, 120))
def test_rule_b_is_never_later_than_rule_c_and_at_most_one_day_earlier(start, months):
    end = months_beginning_with(start, months)
    assert 0 <= (end.rule_c - end.rule_b).days <= 1
    assert end.differ == (end.rule_c != end.rule_b)
    assert end.differ <= (start.day >= 29)


@given(days, st.integers(1, 60))
def test_a_month_period_ends_the_day_before_the_next_one_begins(start, months):
    # Away from month ends the next period begins on the same day number (Rule C = Rule B).
    if start.day <= 28:
        next_start = months_beginning_with(start, months).rule_c + dt.timedelta(days=1)
        assert next_start.day == start.day


@given(days, st.integers(1, 90))
def test_working_day_deadlines_are_never_weekends_or_bank_holidays(start, count):
    holidays = england_and_wales()
    deadline = working_days_beginning_with_day_after(start, count, holidays)
    assert deadline.weekday() < 5 and not holidays.is_holiday(deadline)
    assert is_working_day(next_working_day(start, holidays), holidays)
    assert deadline > start
