"""The audit trail, for council officers and administrators: filter, page, read."""

import datetime

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render

from commonweal.accounts.permissions import permission_required
from commonweal.core.models import AuditEvent

PAGE_SIZE = 50


class AuditFilterForm(forms.Form):
    action = forms.CharField(label="Action", required=False, max_length=100)
    object_type = forms.CharField(label="Type of record", required=False, max_length=100)
    actor = forms.CharField(label="Email address of the person who acted", required=False)
    date_from = forms.DateField(
        label="From (date)",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter the from date as a real date, like 2026-11-22"},
    )
    date_to = forms.DateField(
        label="To (date)",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter the to date as a real date, like 2026-11-22"},
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The to date must be the same as or after the from date")
        return cleaned


def filter_events(queryset, data: dict):
    if data.get("action"):
        queryset = queryset.filter(action__istartswith=data["action"].strip())
    if data.get("object_type"):
        queryset = queryset.filter(object_type=data["object_type"].strip().lower())
    if data.get("actor"):
        queryset = queryset.filter(actor__email__icontains=data["actor"].strip())
    if data.get("date_from"):
        queryset = queryset.filter(created_at__date__gte=data["date_from"])
    if data.get("date_to"):
        queryset = queryset.filter(created_at__date__lte=data["date_to"])
    return queryset


def changes(event: AuditEvent) -> list[dict]:
    """Each field the event records, with its value before and after, as readable text."""
    before = event.before if isinstance(event.before, dict) else {}
    after = event.after if isinstance(event.after, dict) else {}
    rows = []
    for key in [*before, *(k for k in after if k not in before)]:
        rows.append(
            {
                "field": key.replace("_", " ").capitalize(),
                "before": _readable(before.get(key)) if key in before else "",
                "after": _readable(after.get(key)) if key in after else "",
            }
        )
    if event.before is not None and not isinstance(event.before, dict):
        rows.append({"field": "Value", "before": _readable(event.before), "after": ""})
    if event.after is not None and not isinstance(event.after, dict):
        rows.append({"field": "Value", "before": "", "after": _readable(event.after)})
    return rows


def _readable(value) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(_readable(item) for item in value) or "(none)"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_readable(v)}" for k, v in value.items()) or "(none)"
    if isinstance(value, str):
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            return value
        if "T" in value:
            return moment.strftime("%-d %B %Y %H:%M")
        return value
    return str(value)


@permission_required("core.view_audit")
def audit_list(request):
    form = AuditFilterForm(request.GET or None)
    events = AuditEvent.objects.select_related("actor").order_by("-created_at", "-id")
    if form.is_bound and form.is_valid():
        events = filter_events(events, form.cleaned_data)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    rows = [{"event": event, "changes": changes(event)} for event in page.object_list]
    return render(
        request,
        "core/audit_list.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
            "breadcrumbs": [{"label": "Home", "href": "/"}],
        },
    )
