"""Properties of overriding a classification and undoing it, through the services.

Whatever sequence of overrides and removals an officer makes, there is one audit row per
change, in order, and the classification in force is always the last override, or the
computed one after a removal. A removal with nothing to remove is refused and leaves no row.
"""

import itertools

import pytest
from django.core.exceptions import PermissionDenied
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commonweal.core.models import AuditEvent
from commonweal.directory import services
from commonweal.directory.models import Organisation

pytestmark = pytest.mark.django_db

OVERRIDDEN = "directory.classification_overridden"
REMOVED = "directory.classification_override_removed"

operations = st.lists(
    st.one_of(
        st.tuples(st.just("override"), st.sampled_from(["community_led", "provider"])),
        st.tuples(st.just("clear"), st.none()),
    ),
    max_size=8,
)
figures = st.fixed_dictionaries(
    {
        "active_volunteers": st.one_of(st.none(), st.integers(0, 40)),
        "paid_staff_fte": st.one_of(st.none(), st.sampled_from(["0", "0.5", "3", "12.5"])),
        "contract_income_share": st.one_of(st.none(), st.sampled_from(["0", "0.5", "0.501", "1"])),
        "kind": st.sampled_from(["community_group", "charity", "social_enterprise", "business"]),
    }
)


def classification_events(organisation):
    return list(
        AuditEvent.objects.filter(
            object_type="directory.organisation",
            object_id=str(organisation.pk),
            action__startswith="directory.classification",
        ).order_by("id")
    )


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=operations, details=figures, name=st.integers(0, 10**9))
def test_every_change_is_audited_in_order_and_the_last_one_holds(
    calderdale, administrator, ops, details, name
):
    # Built inside the test: the database is not reset between hypothesis's examples.
    organisation = services.register_organisation(
        actor=None, authority=calderdale, name=f"Property group {name}", **details
    )
    computed = organisation.computed_classification
    expected_actions, effective, overridden = [], computed, False
    for number, (operation, choice) in enumerate(ops):
        if operation == "override":
            services.override_classification(
                actor=administrator,
                organisation=organisation,
                classification=choice,
                justification=f"Justified, change number {number}.",
            )
            expected_actions.append((OVERRIDDEN, choice))
            effective, overridden = choice, True
        else:
            try:
                services.clear_override(
                    actor=administrator, organisation=organisation, reason=f"Undo {number}"
                )
            except services.DirectoryError:
                assert not overridden  # refused exactly when there is nothing to remove
                continue
            assert overridden
            expected_actions.append((REMOVED, None))
            effective, overridden = computed, False
        organisation = Organisation.records.get(pk=organisation.pk)
        assert organisation.classification == effective
        assert organisation.computed_classification == computed
        assert organisation.is_overridden == overridden
        in_community_led = Organisation.records.community_led().filter(pk=organisation.pk)
        assert in_community_led.exists() == (effective == "community_led")

    events = classification_events(organisation)
    assert [e.action for e in events] == [action for action, _ in expected_actions]
    for event, (action, choice) in zip(events, expected_actions, strict=True):
        assert event.actor == administrator
        assert event.after["effective"] == (choice if action == OVERRIDDEN else computed)
        assert event.after["computed"] == computed
    # Each row starts where the one before it ended.
    for earlier, later in itertools.pairwise(events):
        assert later.before["effective"] == earlier.after["effective"]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=operations, name=st.integers(0, 10**9))
def test_refused_changes_leave_no_trace(calderdale, trafford_officer, ops, name):
    organisation = services.register_organisation(
        actor=None, authority=calderdale, name=f"Refused group {name}", kind="charity"
    )
    for operation, choice in ops:
        with pytest.raises(PermissionDenied):
            if operation == "override":
                services.override_classification(
                    actor=trafford_officer,
                    organisation=organisation,
                    classification=choice,
                    justification="Another borough's view.",
                )
            else:
                services.clear_override(
                    actor=trafford_officer, organisation=organisation, reason="Not ours."
                )
    assert classification_events(organisation) == []
    assert not Organisation.records.get(pk=organisation.pk).is_overridden
