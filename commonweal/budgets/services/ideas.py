"""Ideas: proposing, supporting and commenting; officers cost, assess, merge and reject."""

from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from PIL import Image, UnidentifiedImageError

from commonweal.budgets import phases
from commonweal.budgets.models import Comment, Idea, IdeaStatus, IdeaStatusChange, Support
from commonweal.budgets.services._common import check, require_phase
from commonweal.budgets.services.errors import BudgetsError
from commonweal.budgets.services.places import check_place
from commonweal.core import audit

MAX_PHOTO_BYTES = 5 * 1024 * 1024
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}


def check_photo(photo) -> None:
    if photo.size > MAX_PHOTO_BYTES:
        raise BudgetsError("The photo must be smaller than 5 MB.", "photo")
    try:
        position = photo.tell()
        with Image.open(photo) as image:
            kind = image.format
            image.verify()
        photo.seek(position)
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise BudgetsError("The photo must be a JPEG, PNG or WebP image.", "photo") from None
    if kind not in PHOTO_FORMATS:
        raise BudgetsError("The photo must be a JPEG, PNG or WebP image.", "photo")


def _status(idea, status, actor, reason=""):
    idea.status = status
    IdeaStatusChange.objects.create(idea=idea, status=status, reason=reason, changed_by=actor)


@transaction.atomic
def propose_idea(
    *,
    actor,
    pot,
    title: str,
    description: str,
    postcode: str = "",
    longitude=None,
    latitude=None,
    organisation=None,
    photo=None,
    photo_description: str = "",
) -> Idea:
    process = pot.process
    require_phase(process, phases.PROPOSE)
    check(actor, "budgets.propose_idea", process)
    errors = {}
    if not title.strip():
        errors["title"] = "Enter a short title for the idea."
    if not description.strip():
        errors["description"] = "Describe the idea: what it is, where and who it helps."
    if errors:
        raise BudgetsError(next(iter(errors.values())), errors=errors)
    if organisation is not None:
        from commonweal.directory.rules import is_group_editor

        if not is_group_editor(actor, organisation):
            raise BudgetsError(
                "Only a leader or administrator of the group can propose in its name.",
                "organisation",
            )
    place = check_place(pot, postcode=postcode, lon=longitude, lat=latitude)
    if photo:
        check_photo(photo)
        if not photo_description.strip():
            raise BudgetsError(
                "Describe the photo for people who cannot see it.", "photo_description"
            )
    idea = Idea(
        process=process,
        pot=pot,
        title=title.strip(),
        description=description.strip(),
        proposer=actor,
        organisation=organisation,
        photo_description=photo_description.strip(),
        **place,
    )
    if photo:
        idea.photo.save(photo.name, photo, save=False)
    idea.save()
    IdeaStatusChange.objects.create(idea=idea, status=IdeaStatus.PROPOSED, changed_by=actor)
    audit.record("budgets.propose_idea", actor=actor, obj=idea, after={"title": idea.title})
    return idea


@transaction.atomic
def support_idea(*, actor, idea: Idea) -> Support:
    require_phase(idea.process, phases.SUPPORT)
    check(actor, "budgets.support_idea", idea.process)
    if idea.status in (IdeaStatus.REJECTED, IdeaStatus.MERGED):
        raise BudgetsError("This idea is no longer open for support.", "idea")
    try:
        with transaction.atomic():
            support = Support.objects.create(idea=idea, user=actor)
    except IntegrityError:
        raise BudgetsError("You already support this idea.", "idea") from None
    audit.record("budgets.support_idea", actor=actor, obj=idea)
    return support


@transaction.atomic
def comment_on_idea(*, actor, idea: Idea, text: str) -> Comment:
    require_phase(idea.process, phases.COMMENT)
    check(actor, "budgets.comment_idea", idea.process)
    if not text.strip():
        raise BudgetsError("Enter your comment.", "text")
    if len(text) > 2000:
        raise BudgetsError("Comments must be 2,000 characters or fewer.", "text")
    comment = Comment.objects.create(idea=idea, author=actor, text=text.strip())
    audit.record("budgets.comment", actor=actor, obj=idea, after={"comment": comment.pk})
    return comment


def _money(value, field="cost") -> Decimal:
    try:
        amount = Decimal(str(value).replace(",", "").replace("£", "").strip())
    except (InvalidOperation, ValueError):
        raise BudgetsError("Enter the cost in pounds, like 7500.", field) from None
    if not amount.is_finite() or amount <= 0:
        raise BudgetsError("The cost must be more than £0.", field)
    return amount.quantize(Decimal("0.01"))


@transaction.atomic
def assess_idea(*, actor, idea: Idea, cost, note: str = "") -> Idea:
    """Feasible, at this cost: the idea goes on the ballot."""
    require_phase(idea.process, phases.ASSESS)
    check(actor, "budgets.assess_idea", idea.process)
    if idea.status == IdeaStatus.MERGED:
        raise BudgetsError("A merged idea cannot be assessed; assess the one it joined.", "idea")
    amount = _money(cost)
    if amount > idea.pot.budget:
        raise BudgetsError(
            f"£{amount:,.0f} is more than the whole pot (£{idea.pot.budget:,.0f}).", "cost"
        )
    before = {"status": idea.status, "cost": str(idea.cost) if idea.cost else None}
    idea.cost = amount
    idea.feasibility_note = note.strip()
    _status(idea, IdeaStatus.FEASIBLE, actor, note.strip())
    idea.save(update_fields=["cost", "feasibility_note", "status"])
    audit.record(
        "budgets.assess_idea",
        actor=actor,
        obj=idea,
        before=before,
        after={"status": idea.status, "cost": str(amount)},
    )
    return idea


@transaction.atomic
def reject_idea(*, actor, idea: Idea, reason: str) -> Idea:
    """Not taken forward: the reason is published on the idea's page."""
    require_phase(idea.process, phases.ASSESS)
    check(actor, "budgets.assess_idea", idea.process)
    if not reason.strip():
        raise BudgetsError("Give the reason, which will be published with the idea.", "reason")
    before = {"status": idea.status}
    idea.rejection_reason = reason.strip()
    _status(idea, IdeaStatus.REJECTED, actor, reason.strip())
    idea.save(update_fields=["rejection_reason", "status"])
    audit.record(
        "budgets.reject_idea",
        actor=actor,
        obj=idea,
        before=before,
        after={"status": idea.status, "reason": idea.rejection_reason},
    )
    return idea


@transaction.atomic
def merge_ideas(*, actor, duplicate: Idea, into: Idea, reason: str = "") -> Idea:
    """The duplicate joins `into`; its supporters are carried over."""
    require_phase(duplicate.process, phases.ASSESS)
    check(actor, "budgets.assess_idea", duplicate.process)
    if duplicate.pk == into.pk or duplicate.process_id != into.process_id:
        raise BudgetsError("Choose a different idea in the same process.", "into")
    if into.status in (IdeaStatus.MERGED, IdeaStatus.REJECTED):
        raise BudgetsError("Merge into an idea that is still open.", "into")
    for user_id in duplicate.supports.values_list("user_id", flat=True):
        Support.objects.get_or_create(idea=into, user_id=user_id)
    duplicate.merged_into = into
    note = reason.strip() or f"A duplicate of “{into.title}”."
    _status(duplicate, IdeaStatus.MERGED, actor, note)
    duplicate.rejection_reason = note
    duplicate.save(update_fields=["merged_into", "status", "rejection_reason"])
    audit.record("budgets.merge_ideas", actor=actor, obj=duplicate, after={"into": into.pk})
    return duplicate
