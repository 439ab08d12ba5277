"""Officers keep the catalogue: services, providers and their targets, who answers where."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render

from commonweal.accounts.models import Role
from commonweal.accounts.permissions import check as guard
from commonweal.accounts.roles import authorities_for
from commonweal.directory.models import Organisation
from commonweal.opendata.feedback import services
from commonweal.opendata.feedback.forms import ProviderForm, ResponsibilityForm, ServiceForm
from commonweal.opendata.feedback.models import Provider, Responsibility, Service
from commonweal.opendata.feedback.services.search import area_for_code
from commonweal.opendata.feedback.views.common import crumbs

PERMISSION = "feedback.manage_catalogue"


def _organisations(user):
    rows = Organisation.records.listed().order_by("name")
    authorities = authorities_for(user, Role.OFFICER)
    return rows if authorities is None else rows.filter(authority_id__in=authorities)


def manage(request, forms=None, status=200):
    refused = guard(request, PERMISSION)
    if refused:
        return refused
    forms = forms or {}
    context = {
        "service_form": forms.get("service") or ServiceForm(prefix="service"),
        "provider_form": forms.get("provider")
        or ProviderForm(prefix="provider", organisations=_organisations(request.user)),
        "responsibility_form": forms.get("responsibility")
        or ResponsibilityForm(prefix="responsibility"),
        "failed": next(iter(forms.values()), None),
        "responsibilities": list(
            Responsibility.objects.select_related("service", "area", "provider__organisation")
        ),
        "breadcrumbs": crumbs({"label": "Keep the catalogue"}),
    }
    return render(request, "feedback/catalogue_manage.html", context, status=status)


def _failed(request, key, form):
    return manage(request, {key: form}, status=400)


def add_service(request):
    refused = guard(request, PERMISSION)
    if refused or request.method != "POST":
        return refused or redirect("feedback:manage")
    form = ServiceForm(request.POST, prefix="service")
    if form.is_valid():
        try:
            services.add_service(actor=request.user, **form.cleaned_data)
        except services.FeedbackError as exc:
            form.add_error("name", exc.reason)
        else:
            messages.success(request, f"{form.cleaned_data['name']} is added.")
            return redirect("feedback:manage")
    return _failed(request, "service", form)


def add_provider(request):
    refused = guard(request, PERMISSION)
    if refused or request.method != "POST":
        return refused or redirect("feedback:manage")
    form = ProviderForm(request.POST, prefix="provider", organisations=_organisations(request.user))
    if form.is_valid():
        data = form.cleaned_data
        try:
            provider = services.register_provider(
                actor=request.user,
                organisation=form.chosen_organisation(),
                sector=data["sector"],
                acknowledge_days=data["acknowledge_days"],
                respond_days=data["respond_days"],
            )
        except services.FeedbackError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.reason)
        else:
            messages.success(request, f"{provider.name} is a provider, with its targets.")
            return redirect("feedback:manage")
    return _failed(request, "provider", form)


def add_responsibility(request):
    refused = guard(request, PERMISSION)
    if refused or request.method != "POST":
        return refused or redirect("feedback:manage")
    form = ResponsibilityForm(request.POST, prefix="responsibility")
    if form.is_valid():
        data = form.cleaned_data
        area = area_for_code(data["area"])
        if area is None:
            form.add_error("area", "We do not hold an area with that code.")
        else:
            services.assign_responsibility(
                actor=request.user,
                service=Service.objects.get(slug=data["service"]),
                area=area,
                provider=Provider.objects.get(organisation__slug=data["provider"]),
            )
            messages.success(request, f"The responsibility in {area.name} is recorded.")
            return redirect("feedback:manage")
    return _failed(request, "responsibility", form)


def remove_responsibility(request, pk: int):
    refused = guard(request, PERMISSION)
    if refused or request.method != "POST":
        return refused or redirect("feedback:manage")
    held = get_object_or_404(Responsibility, pk=pk)
    services.remove_responsibility(actor=request.user, responsibility=held)
    messages.success(request, "The responsibility is removed.")
    return redirect("feedback:manage")
