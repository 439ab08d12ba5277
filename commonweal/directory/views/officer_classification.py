"""An officer's view of one organisation's classification: the computed answer and why,
the figures it came from, an override with its justification, and the history."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from commonweal.accounts.permissions import check as guard
from commonweal.core.models import AuditEvent
from commonweal.directory import services
from commonweal.directory.models import ClassificationChoice, Organisation
from commonweal.directory.views.officer_common import crumbs, person_label, profile_url
from commonweal.directory.views.officer_forms import (
    ClearOverrideForm,
    OverrideForm,
    add_page_error,
    add_service_error,
    bound_for,
)


@require_http_methods(["GET", "POST"])
def classification(request, slug: str):
    organisation = get_object_or_404(Organisation.records.select_related("authority"), slug=slug)
    if denied := guard(request, "directory.override_classification", organisation):
        return denied
    forms, bound = bound_for(request, OverrideForm, ClearOverrideForm)
    if request.method == "POST" and bound is None:
        add_page_error(forms["override"], "Choose to override the classification or to undo it.")
    elif bound is not None and bound.is_valid():
        try:
            if bound.action == "override":
                organisation = services.override_classification(
                    actor=request.user,
                    organisation=organisation,
                    classification=bound.cleaned_data["classification"],
                    justification=bound.cleaned_data["justification"],
                )
                text = f"{organisation.name} is now classified as {_label(organisation)}."
            else:
                organisation = services.clear_override(
                    actor=request.user,
                    organisation=organisation,
                    reason=bound.cleaned_data["reason"],
                )
                text = (
                    f"The override is removed: {organisation.name} is classified from its "
                    f"figures again, as {_label(organisation)}."
                )
        except services.DirectoryError as error:
            add_service_error(bound, error)
        else:
            messages.success(request, text)
            return redirect("directory:classification", organisation.slug)
    failed = any(form.errors for form in forms.values())
    profile = profile_url(organisation)
    return render(
        request,
        "directory/officer/classification.html",
        {
            "organisation": organisation,
            "computed_label": ClassificationChoice(organisation.computed_classification).label,
            "figures": figures(organisation),
            "override_form": forms["override"],
            "clear_form": forms["clear"],
            "history": history(organisation),
            "profile_url": profile,
            "breadcrumbs": crumbs((organisation.name, profile), ("Classification", None)),
        },
        status=400 if failed else 200,
    )


def _label(organisation) -> str:
    return organisation.classification_label.lower()


def figures(organisation) -> list[tuple[str, str]]:
    """The workforce and money the classification is worked out from."""
    share = organisation.contract_income_share
    income = organisation.annual_income
    paid = organisation.paid_staff_fte
    rows = [
        ("Members", organisation.members_count),
        ("Active volunteers", organisation.active_volunteers),
        ("Paid staff (full-time equivalent)", None if paid is None else f"{paid.normalize():f}"),
        ("Annual income", None if income is None else f"£{income:,.2f}"),
        ("Share of income from contracts", None if share is None else f"{share * 100:.1f}%"),
        ("Year of the figures", organisation.figures_year),
    ]
    return [(label, "Not known" if value is None else str(value)) for label, value in rows]


HISTORY_WORDS = {
    "directory.classification_overridden": "Overridden",
    "directory.classification_override_removed": "Override removed",
}


def history(organisation) -> list[dict]:
    """Every override and removal, newest first, from the audit trail."""
    events = (
        AuditEvent.objects.filter(
            object_type="directory.organisation",
            object_id=str(organisation.pk),
            action__startswith="directory.classification",
        )
        .select_related("actor")
        .order_by("-created_at", "-id")
    )
    rows = []
    for event in events:
        after = event.after or {}
        effective = after.get("effective")
        label = (
            ClassificationChoice(effective).label
            if effective in ClassificationChoice.values
            else ""
        )
        rows.append(
            {
                "when": event.created_at,
                "what": HISTORY_WORDS.get(event.action, event.action),
                "result": label,
                "why": after.get("justification") or after.get("reason") or "",
                "by": person_label(event.actor),
            }
        )
    return rows
