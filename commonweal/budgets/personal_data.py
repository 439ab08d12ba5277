"""What participatory budgeting holds about a person, for their download and their erasure.

Ballots are kept (they were counted) but no longer point at the person.
"""


def personal_data(user) -> dict:
    from commonweal.budgets.models import Ballot, Comment, Idea, Support

    return {
        "ideas_proposed": [
            {"process": i.process.title, "title": i.title, "created_at": i.created_at.isoformat()}
            for i in Idea.objects.filter(proposer=user).select_related("process")
        ],
        "ideas_supported": list(
            Support.objects.filter(user=user).values_list("idea__title", flat=True)
        ),
        "comments": [
            {"idea": c.idea.title, "text": c.text, "created_at": c.created_at.isoformat()}
            for c in Comment.objects.filter(author=user).select_related("idea")
        ],
        "ballots": [
            {
                "process": b.pot.process.title,
                "pot": b.pot.name,
                "cast_at": b.cast_at.isoformat(),
                "choices": [c.idea.title for c in b.choices.select_related("idea")],
            }
            for b in Ballot.objects.filter(voter=user).select_related("pot__process")
        ],
    }


def erase_person(user) -> None:
    from commonweal.budgets.models import Ballot, Comment, Idea, Support

    for ballot in Ballot.objects.filter(voter=user):
        ballot.voter = None
        ballot.voter_key = f"erased:{ballot.pk}"
        ballot.save(update_fields=["voter", "voter_key"])
    Comment.objects.filter(author=user).update(author=None, text="(erased)")
    Support.objects.filter(user=user).delete()
    Idea.objects.filter(proposer=user).update(proposer=None)
