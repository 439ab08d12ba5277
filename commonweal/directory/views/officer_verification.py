"""The verification queue: officers check new entries before the public sees them, and
withdraw (or reinstate) entries that should not be listed."""

from django.contrib import messages
from django.db.models import Max, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from commonweal.accounts.models import Role
from commonweal.accounts.permissions import check as guard
from commonweal.accounts.roles import authorities_for
from commonweal.directory import services
from commonweal.directory.models import Organisation, VerificationStatus
from commonweal.directory.views.officer_common import (
    benefit_summary,
    crumbs,
    person_label,
    profile_url,
    queue_crumb,
)
from commonweal.directory.views.officer_forms import (
    VerifyForm,
    WithdrawForm,
    add_page_error,
    add_service_error,
    bound_for,
)

RECENTLY_WITHDRAWN = 20


def _in_scope(user):
    """The organisations of the authorities the user is an officer for (all for None)."""
    authorities = authorities_for(user, Role.OFFICER)
    records = Organisation.records.select_related("authority")
    return records if authorities is None else records.filter(authority_id__in=authorities)


def _row(organisation) -> dict:
    return {
        "organisation": organisation,
        "benefit": benefit_summary(organisation),
        "org_ids": organisation.org_ids(),
    }


@require_GET
def verification_queue(request):
    if denied := guard(request, "directory.view_verification_queue"):
        return denied
    scoped = _in_scope(request.user).prefetch_related("benefit_areas")
    waiting = scoped.awaiting_verification().order_by("created_at", "pk")
    withdrawn = (
        scoped.filter(status=VerificationStatus.WITHDRAWN)
        .annotate(
            withdrawn_at=Max(
                "status_changes__changed_at",
                filter=Q(status_changes__status=VerificationStatus.WITHDRAWN),
            )
        )
        .order_by("-withdrawn_at", "pk")[:RECENTLY_WITHDRAWN]
    )
    authorities = authorities_for(request.user, Role.OFFICER)
    return render(
        request,
        "directory/officer/queue.html",
        {
            "waiting": [_row(o) for o in waiting],
            "withdrawn": [
                {**_row(o), "withdrawn_at": o.withdrawn_at, "reason": _last_reason(o)}
                for o in withdrawn
            ],
            "several_authorities": authorities is None or len(authorities) > 1,
            "breadcrumbs": crumbs(("Groups waiting to be verified", None)),
        },
    )


def _last_reason(organisation) -> str:
    change = organisation.status_changes.filter(status=VerificationStatus.WITHDRAWN).last()
    return change.reason if change else ""


@require_http_methods(["GET", "POST"])
def verification_review(request, slug: str):
    organisation = get_object_or_404(Organisation.records.select_related("authority"), slug=slug)
    if denied := guard(request, "directory.verify_organisation", organisation):
        return denied
    forms, bound = bound_for(request, VerifyForm, WithdrawForm)
    if request.method == "POST" and bound is None:
        add_page_error(forms["verify"], "Choose to verify the entry or to withdraw it.")
    elif bound is not None and bound.is_valid():
        try:
            if bound.action == "verify":
                was = organisation.status
                services.verify_organisation(
                    actor=request.user, organisation=organisation, note=bound.cleaned_data["note"]
                )
                done = "reinstated" if was == VerificationStatus.WITHDRAWN else "verified"
                messages.success(request, f"{organisation.name} is {done} and listed.")
            else:
                services.withdraw_organisation(
                    actor=request.user,
                    organisation=organisation,
                    reason=bound.cleaned_data["reason"],
                )
                messages.success(request, f"{organisation.name} is withdrawn from the directory.")
        except services.DirectoryError as error:
            add_service_error(bound, error)
        else:
            return redirect("directory:verification_queue")
    failed = any(form.errors for form in forms.values())
    return render(
        request,
        "directory/officer/review.html",
        {
            "organisation": organisation,
            "details": _details(organisation),
            "verify_form": forms["verify"],
            "withdraw_form": forms["withdraw"],
            "history": [
                {"change": change, "by": person_label(change.changed_by)}
                for change in organisation.status_changes.select_related("changed_by")
            ],
            "leader": services.published_leader(organisation),
            "profile_url": profile_url(organisation),
            "breadcrumbs": crumbs(queue_crumb(), (organisation.name, None)),
        },
        status=400 if failed else 200,
    )


def _details(organisation) -> list[tuple[str, str]]:
    """Everything the entry says about itself, as summary-list rows."""

    def known(value, suffix: str = "") -> str:
        return "Not given" if value in (None, "") else f"{value}{suffix}"

    share = organisation.contract_income_share
    income = organisation.annual_income
    tags = ", ".join(tag.name for tag in organisation.interest_tags.all())
    return [
        ("Name", organisation.name),
        ("Kind", organisation.get_kind_display()),
        ("Legal form", organisation.get_legal_form_display()),
        ("Registration numbers", ", ".join(organisation.org_ids()) or "None given"),
        ("Borough", organisation.authority.name),
        ("Area of benefit", benefit_summary(organisation)),
        ("Communities of interest", tags or "None"),
        ("Description", known(organisation.description)),
        ("Website", known(organisation.website)),
        ("Email", known(organisation.email)),
        ("Phone", known(organisation.phone)),
        ("Where it meets", known(organisation.postcode)),
        ("Members", known(organisation.members_count)),
        ("Active volunteers", known(organisation.active_volunteers)),
        ("Paid staff (full-time equivalent)", known(organisation.paid_staff_fte)),
        ("Annual income", "Not given" if income is None else f"£{income:,.2f}"),
        (
            "Share of income from contracts",
            "Not given" if share is None else f"{share * 100:.1f}%",
        ),
        ("Year of the figures", known(organisation.figures_year)),
        ("Classification", organisation.classification_label),
        ("Why", _why(organisation)),
        (
            "Sample entry",
            "Yes: made by the demo, not a real group" if organisation.is_sample else "No",
        ),
        ("Status", organisation.get_status_display()),
    ]


def _why(organisation) -> str:
    if organisation.is_overridden:
        return f"Decided by an officer: {organisation.override_justification}"
    return organisation.computed_reason or "Not worked out yet"
