"""Properties of the right to challenge's clocks, for any date and any published period."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from commonweal.rights.challenge import engine

days = st.dates(min_value=dt.date(2012, 6, 27), max_value=dt.date(2040, 12, 31))
counts = st.integers(min_value=1, max_value=36)
units = st.sampled_from(list(engine.Unit))
wordings = st.sampled_from(list(engine.Wording))
month_rules = st.sampled_from(["C", "B"])


@given(days, st.one_of(st.none(), days), counts, units, wordings, month_rules)
def test_the_decision_is_due_on_or_after_the_clock_starts(received, closes, count, unit, w, r):
    due = engine.decision_due(
        received=received, window_closes=closes, count=count, unit=unit, wording=w, month_rule=r
    )
    assert due.date >= due.start
    assert due.start == (closes if closes is not None else received)


@given(days, counts, units, month_rules)
def test_beginning_with_is_never_later_than_from(start, count, unit, rule):
    of_from = engine.period_end(start, count, unit, "from", rule)
    beginning = engine.period_end(start, count, unit, "beginning-with", rule)
    assert of_from - dt.timedelta(days=1) <= beginning <= of_from


@given(days, counts, units, wordings, month_rules)
def test_procurement_never_starts_on_the_day_of_acceptance(accepted, count, unit, w, rule):
    start = engine.earliest_procurement_start(
        accepted=accepted, count=count, unit=unit, wording=w, month_rule=rule
    )
    assert start.date > accepted


@given(days, st.integers(min_value=1, max_value=90))
def test_the_timetable_notice_is_that_many_days_later(start, notice):
    due = engine.timetable_notice_due(received=start, window_closes=None, days=notice)
    assert (due.date - start).days == notice
