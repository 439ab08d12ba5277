"""A neighbourhood plan's stages, from consultation to being made (rulebook 4.3)."""

from django.conf import settings
from django.db import models


class PlanStage(models.TextChoices):
    PREPARING = "preparing", "Being prepared"
    CONSULTATION = "consultation", "Pre-submission consultation"
    CONSULTED = "consulted", "Consultation closed"
    SUBMITTED = "submitted", "Submitted to the council"
    PUBLICITY = "publicity", "Council publicity"
    PUBLICITY_CLOSED = "publicity_closed", "Publicity closed"
    EXAMINATION = "examination", "At examination"
    REPORTED = "reported", "Examiner has reported"
    REFERENDUM = "referendum", "Going to referendum"
    APPROVED = "approved", "Approved at referendum"
    SPLIT = "split", "Split referendum result"
    NOT_APPROVED = "not_approved", "Not approved at referendum"
    REFUSED = "refused", "Not going to referendum"
    MADE = "made", "Made"
    WITHDRAWN = "withdrawn", "Withdrawn"


FINISHED_STAGES = (
    PlanStage.NOT_APPROVED,
    PlanStage.REFUSED,
    PlanStage.MADE,
    PlanStage.WITHDRAWN,
)


class ExaminerRecommendation(models.TextChoices):
    PROCEED = "proceed", "Go to referendum"
    MODIFY = "modify", "Go to referendum with modifications"
    REFUSE = "refuse", "Do not go to referendum"


class PlanQuerySet(models.QuerySet):
    def in_progress(self) -> "PlanQuerySet":
        return self.exclude(stage__in=FINISHED_STAGES)

    def visible_to(self, user) -> "PlanQuerySet":
        # Every stage of a plan is published by the qualifying body or the council.
        return self.all()


class NeighbourhoodPlan(models.Model):
    """One neighbourhood plan for a designated area, prepared by its qualifying body."""

    authority = models.ForeignKey("places.Area", on_delete=models.PROTECT, related_name="+")
    area = models.ForeignKey(
        "neighbourhoodplanning.NeighbourhoodArea", on_delete=models.PROTECT, related_name="plans"
    )
    qualifying_body = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="neighbourhood_plans"
    )
    title = models.CharField(max_length=200)
    stage = models.CharField(max_length=20, choices=PlanStage.choices, default="preparing")

    # reg 14: the qualifying body's pre-submission consultation.
    consultation_started_on = models.DateField(null=True, blank=True)
    consultation_closes_on = models.DateField(null=True, blank=True)
    consultation_closed_on = models.DateField(null=True, blank=True)
    consultation_where = models.TextField(blank=True)
    # reg 15-16: submission, then the council's publicity.
    submitted_on = models.DateField(null=True, blank=True)
    publicity_started_on = models.DateField(null=True, blank=True)
    publicity_closes_on = models.DateField(null=True, blank=True)
    publicity_closed_on = models.DateField(null=True, blank=True)
    # reg 17-18: examination, the examiner's report and the council's decision.
    examiner = models.CharField(max_length=200, blank=True)
    examination_started_on = models.DateField(null=True, blank=True)
    report_received_on = models.DateField(null=True, blank=True)
    recommendation = models.CharField(
        max_length=10, choices=ExaminerRecommendation.choices, blank=True
    )
    decision_due_on = models.DateField(null=True, blank=True)
    decision_published_on = models.DateField(null=True, blank=True)
    to_referendum = models.BooleanField(null=True, blank=True)
    decision_reasons = models.TextField(blank=True)
    # Referendums: business as well where the area is a business area (s.61H).
    business_referendum = models.BooleanField(default=False)
    referendum_due_on = models.DateField(null=True, blank=True)
    # After the vote: the plan forms part of the development plan, and is to be made.
    make_due_on = models.DateField(null=True, blank=True)
    made_on = models.DateField(null=True, blank=True)

    is_sample = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_finished(self) -> bool:
        return self.stage in FINISHED_STAGES


class Consultee(models.Model):
    """A body consulted at the pre-submission stage (reg 14(b), Schedule 1)."""

    plan = models.ForeignKey(NeighbourhoodPlan, on_delete=models.CASCADE, related_name="consultees")
    name = models.CharField(max_length=200)
    consulted_on = models.DateField()

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class ReferendumKind(models.TextChoices):
    RESIDENTIAL = "residential", "Referendum"
    BUSINESS = "business", "Business referendum"


class Referendum(models.Model):
    """A referendum's count: kept as the three figures and the result they gave."""

    plan = models.ForeignKey(
        NeighbourhoodPlan, on_delete=models.CASCADE, related_name="referendums"
    )
    kind = models.CharField(max_length=12, choices=ReferendumKind.choices)
    held_on = models.DateField()
    yes = models.PositiveIntegerField()
    no = models.PositiveIntegerField()
    rejected = models.PositiveIntegerField(default=0)
    counted_as_voting = models.PositiveIntegerField()
    passed = models.BooleanField()
    reason = models.CharField(max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["held_on", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "kind"], name="referendum_one_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.held_on}"


class PlanStatusChange(models.Model):
    """One move of a plan from stage to stage: append-only, attributed."""

    plan = models.ForeignKey(
        NeighbourhoodPlan, on_delete=models.CASCADE, related_name="status_changes"
    )
    stage = models.CharField(max_length=20, choices=PlanStage.choices)
    effective_on = models.DateField()
    reason = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.plan_id}: {self.stage} on {self.effective_on}"
