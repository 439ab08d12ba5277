"""The process end to end through the services: ideas, ballots, paper, counting, delivery."""

import pytest
from django.core.exceptions import PermissionDenied

from commonweal.budgets import phases, services
from commonweal.budgets.models import IdeaStatus, PaperEntryStatus
from commonweal.budgets.tests.platform_fixtures import *  # noqa: F403
from commonweal.budgets.tests.platform_support import POSTCODE, other_ward_postcode, to, ward_of
from commonweal.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_a_process_moves_through_its_phases_with_attributed_rows(process, officer):
    assert process.phase == phases.IDEAS
    services.advance_phase(actor=officer, process=process)
    process.refresh_from_db()
    assert process.phase == phases.REVIEW
    assert [c.phase for c in process.phase_changes.all()] == [phases.IDEAS, phases.REVIEW]
    assert process.phase_changes.last().changed_by == officer
    assert AuditEvent.objects.filter(action="budgets.advance_phase").exists()


def test_results_need_a_count(voting, officer):
    process = voting[0]
    to(process, phases.COUNTING, officer)
    with pytest.raises(services.BudgetsError, match="Count every pot"):
        services.advance_phase(actor=officer, process=process)


def test_a_resident_cannot_advance_a_process(process, resident):
    with pytest.raises(PermissionDenied):
        services.advance_phase(actor=resident, process=process)


def test_ideas_are_checked_against_the_pot_area(process, resident, calderdale):
    ward = ward_of(POSTCODE)
    ward_pot = process.pots.get(area=ward)
    elsewhere = other_ward_postcode(calderdale, ward)
    with pytest.raises(services.BudgetsError, match="is not in"):
        services.propose_idea(
            actor=resident, pot=ward_pot, title="X", description="Y", postcode=elsewhere
        )
    idea = services.propose_idea(
        actor=resident, pot=ward_pot, title="X", description="Y", postcode=POSTCODE
    )
    assert idea.place_area == ward


def test_support_once_comment_and_merge(process, resident, other_resident, officer):
    pot = process.pots.first()
    a = services.propose_idea(
        actor=resident, pot=pot, title="A", description="d", postcode=POSTCODE
    )
    b = services.propose_idea(
        actor=resident, pot=pot, title="B", description="d", postcode=POSTCODE
    )
    services.support_idea(actor=other_resident, idea=b)
    with pytest.raises(services.BudgetsError, match="already support"):
        services.support_idea(actor=other_resident, idea=b)
    services.comment_on_idea(actor=other_resident, idea=a, text="Yes please")
    services.merge_ideas(actor=officer, duplicate=b, into=a)
    b.refresh_from_db()
    assert b.status == IdeaStatus.MERGED and b.rejection_reason
    assert a.supports.filter(user=other_resident).exists()


def test_rejection_needs_a_published_reason(process, resident, officer):
    pot = process.pots.first()
    idea = services.propose_idea(
        actor=resident, pot=pot, title="A", description="d", postcode=POSTCODE
    )
    with pytest.raises(services.BudgetsError):
        services.reject_idea(actor=officer, idea=idea, reason=" ")
    services.reject_idea(actor=officer, idea=idea, reason="The land is not the council's.")
    assert idea.status_changes.last().reason == "The land is not the council's."


def test_count_and_deliver(voting, resident, other_resident, officer):
    process, pot, ideas = voting
    for person in (resident, other_resident):
        services.cast_ballot(
            actor=person,
            pot=pot,
            choices={str(ideas[0].pk): 1, str(ideas[1].pk): 1},
            postcode=POSTCODE,
            age_declared=True,
        )
    to(process, phases.COUNTING, officer)
    for each in process.pots.all():
        if each.ideas.on_ballot().exists():
            count = services.count_pot(actor=officer, pot=each)
    assert sorted(count.selected) == sorted([ideas[0].project_id, ideas[1].project_id])
    assert count.explanation[ideas[2].project_id]["funded"] is False
    assert "VOTES" in count.pb_text


def test_paper_ballots_need_two_people_who_agree(voting, officer, second_officer):
    process, pot, ideas = voting
    location = services.add_location(actor=officer, process=process, name="Library")
    choice = {str(ideas[0].pk): 1}
    first = services.enter_paper_ballot(
        actor=officer, pot=pot, location=location, serial="1", choices=choice
    )
    assert first.status == PaperEntryStatus.AWAITING and first.ballot is None
    with pytest.raises(services.BudgetsError, match="second person"):
        services.enter_paper_ballot(
            actor=officer, pot=pot, location=location, serial="1", choices=choice
        )
    wrong = services.enter_paper_ballot(
        actor=second_officer, pot=pot, location=location, serial="1", choices={str(ideas[1].pk): 1}
    )
    assert wrong.status == PaperEntryStatus.MISMATCH and not pot.ballots.exists()
    services.enter_paper_ballot(
        actor=officer, pot=pot, location=location, serial="1", choices=choice
    )
    done = services.enter_paper_ballot(
        actor=second_officer, pot=pot, location=location, serial="1", choices=choice
    )
    assert done.status == PaperEntryStatus.CONFIRMED and done.ballot.location == location
    with pytest.raises(services.BudgetsError, match="already been confirmed"):
        services.enter_paper_ballot(
            actor=officer, pot=pot, location=location, serial="1", choices=choice
        )
    [row] = services.tallies(process)
    assert row["location"] == "Library" and row["ballots"] == 1
