"""The league table arithmetic (no database), with properties checked by hypothesis."""

from hypothesis import given
from hypothesis import strategies as st

from commonweal.opendata.feedback.engine.league import Outcome, league, percentile
from commonweal.opendata.feedback.engine.machine import (
    Event,
    NotAllowed,
    Status,
    can_happen,
    events_from,
    next_status,
)


def test_median_and_nearest_rank_90th_percentile():
    outcomes = [Outcome("A", "Council", d, True, False) for d in (1, 2, 3, 4, 10)]
    (row,) = league(outcomes)
    assert (row.median_days, row.p90_days) == (3.0, 10.0)
    assert percentile([5, 1, 3, 2], 0.9) == 5.0
    assert percentile([], 0.9) is None


def test_shares_count_only_what_can_be_judged():
    outcomes = [
        Outcome("A", "Council", 2, True, True),
        Outcome("A", "Council", 12, False, False),
        Outcome("A", "Council", None, False, False),  # overdue, unanswered
        Outcome("A", "Council", None, None, False),  # not due yet
    ]
    (row,) = league(outcomes)
    assert (row.reports, row.answered, row.judged, row.on_time) == (4, 2, 3, 1)
    assert row.on_time_share == 1 / 3
    assert row.reopen_rate == 1 / 2


def test_rows_by_sector_and_the_best_first():
    outcomes = [
        Outcome("Council", "Council", 3, True, False),
        Outcome("Police", "Police", 1, True, False),
        Outcome("Lamps Ltd", "Private contractor", 9, False, True),
    ]
    names = [r.name for r in league(outcomes)]
    assert names == ["Police", "Council", "Lamps Ltd"]
    assert [r.name for r in league(outcomes, by="sector")][-1] == "Private contractor"


outcome = st.builds(
    Outcome,
    provider=st.sampled_from(["A", "B", "C"]),
    sector=st.sampled_from(["Council", "NHS"]),
    response_days=st.none() | st.integers(min_value=0, max_value=200),
    on_time=st.none() | st.booleans(),
    reopened=st.booleans(),
)


@given(st.lists(outcome, max_size=60))
def test_league_properties(outcomes):
    for by in ("provider", "sector"):
        rows = league(outcomes, by=by)
        assert sum(r.reports for r in rows) == len(outcomes)
        for row in rows:
            assert row.answered <= row.reports and row.judged <= row.reports
            assert 0 <= row.on_time <= row.judged
            if row.answered:
                assert row.median_days <= row.p90_days
                assert 0 <= row.reopen_rate <= 1
            else:
                assert row.median_days is None and row.p90_days is None
            if row.judged:
                assert 0 <= row.on_time_share <= 1
    assert league(list(reversed(outcomes))) == league(outcomes)


@given(st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=80))
def test_the_90th_percentile_is_a_value_at_or_above_nine_tenths(values):
    p90 = percentile(values, 0.9)
    assert p90 in values
    assert sum(v <= p90 for v in values) >= 0.9 * len(values)


def test_the_state_machine():
    assert next_status(Status.TRIAGE, Event.ROUTE) is Status.RECEIVED
    assert next_status(Status.RESPONDED, Event.REOPEN) is Status.REOPENED
    assert not can_happen(Status.RECEIVED, Event.REOPEN)
    assert events_from(Status.CLOSED) == []
    try:
        next_status(Status.CLOSED, Event.RESPOND)
    except NotAllowed:
        pass
    else:
        raise AssertionError("a closed report cannot be answered")
