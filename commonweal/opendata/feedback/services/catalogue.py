"""Keeping the catalogue: services, providers with their targets, and responsibilities."""

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from commonweal.core import audit
from commonweal.opendata.feedback.models import Provider, Responsibility, Sector, Service
from commonweal.opendata.feedback.services.errors import FeedbackError, check, person


@transaction.atomic
def add_service(*, actor, name: str, description: str = "", is_sample: bool = False) -> Service:
    check(actor, "feedback.manage_catalogue")
    name = name.strip()
    if not name:
        raise FeedbackError("Enter the name of the service.", "name")
    slug = slugify(name)[:150] or "service"
    if Service.objects.filter(slug=slug).exists() or Service.objects.filter(name=name).exists():
        raise FeedbackError(f"There is already a service called {name}.", "name")
    service = Service.objects.create(
        name=name, slug=slug, description=description.strip(), is_sample=is_sample
    )
    audit.record("feedback.service_added", actor=actor, obj=service, after={"name": name})
    return service


@transaction.atomic
def register_provider(
    *,
    actor,
    organisation,
    sector: str,
    acknowledge_days: int | None = None,
    respond_days: int | None = None,
) -> Provider:
    """Make a directory organisation a provider, or change its sector and targets."""
    check(actor, "feedback.manage_catalogue")
    if sector not in Sector.values:
        raise FeedbackError("Choose the provider's sector.", "sector")
    ack = acknowledge_days or settings.FEEDBACK_ACKNOWLEDGE_DAYS
    respond = respond_days or settings.FEEDBACK_RESPOND_DAYS
    if not 1 <= ack <= 60:
        raise FeedbackError("Acknowledge within 1 to 60 working days.", "acknowledge_days")
    if not 1 <= respond <= 120:
        raise FeedbackError("Respond within 1 to 120 working days.", "respond_days")
    if respond < ack:
        raise FeedbackError(
            "The time to respond cannot be shorter than the time to acknowledge.", "respond_days"
        )
    provider = Provider.objects.filter(organisation=organisation).first()
    before = None
    if provider is None:
        provider = Provider(organisation=organisation, created_by=person(actor))
    else:
        before = _targets(provider)
    provider.sector, provider.acknowledge_days, provider.respond_days = sector, ack, respond
    provider.save()
    audit.record(
        "feedback.provider_registered" if before is None else "feedback.provider_changed",
        actor=actor,
        obj=provider,
        before=before,
        after=_targets(provider),
    )
    return provider


def _targets(provider: Provider) -> dict:
    return {
        "sector": provider.sector,
        "acknowledge_days": provider.acknowledge_days,
        "respond_days": provider.respond_days,
    }


@transaction.atomic
def assign_responsibility(*, actor, service: Service, area, provider: Provider) -> Responsibility:
    """Say who answers for a service in an area (replacing whoever did before)."""
    check(actor, "feedback.manage_catalogue")
    existing = Responsibility.objects.filter(service=service, area=area).first()
    before = {"provider": existing.provider_id} if existing else None
    if existing is None:
        existing = Responsibility(service=service, area=area, created_by=person(actor))
    existing.provider = provider
    existing.save()
    audit.record(
        "feedback.responsibility_assigned",
        actor=actor,
        obj=existing,
        before=before,
        after={"service": service.slug, "area": area.gss_code, "provider": provider.pk},
    )
    return existing


@transaction.atomic
def remove_responsibility(*, actor, responsibility: Responsibility) -> None:
    check(actor, "feedback.manage_catalogue")
    audit.record(
        "feedback.responsibility_removed",
        actor=actor,
        obj=responsibility,
        before={"provider": responsibility.provider_id},
    )
    responsibility.delete()
