"""The catalogue (services, providers, who answers where) and the league table: public."""

from django.http import HttpRequest
from ninja import Router, Status

from commonweal.accounts.api_auth import session_or_token
from commonweal.api import WRITE_ERRORS
from commonweal.core.permissions import require
from commonweal.directory.models import Organisation
from commonweal.opendata.feedback import services
from commonweal.opendata.feedback.api import present
from commonweal.opendata.feedback.api.reports import refused
from commonweal.opendata.feedback.api.schemas import (
    CatalogueOut,
    LeagueOut,
    ProviderIn,
    ProviderOut,
    ResponsibilityIn,
    ResponsibilityOut,
    ServiceIn,
    ServiceOut,
)
from commonweal.opendata.feedback.models import Provider, Responsibility, Service
from commonweal.opendata.feedback.services.league import league_tables
from commonweal.opendata.feedback.services.search import area_for_code

router = Router(tags=["Feedback"])


@router.get(
    "/catalogue",
    response={200: CatalogueOut},
    summary="Services, providers and who is responsible where",
    description=(
        "Every service, every provider with its sector and its targets in working days, and "
        "each responsibility (service and area to provider). A report goes to the provider "
        "responsible in the smallest area holding its place. Public."
    ),
    operation_id="feedback_catalogue",
)
def catalogue(request: HttpRequest):
    return {
        "services": [_service(s) for s in Service.objects.all()],
        "providers": [_provider(p) for p in Provider.objects.select_related("organisation")],
        "responsibilities": [
            _responsibility(r)
            for r in Responsibility.objects.select_related(
                "service", "area", "provider__organisation"
            )
        ],
    }


def _service(s) -> dict:
    return {"slug": s.slug, "name": s.name, "description": s.description}


def _provider(p) -> dict:
    return {
        "slug": p.organisation.slug,
        "name": p.name,
        "sector": p.sector,
        "acknowledge_days": p.acknowledge_days,
        "respond_days": p.respond_days,
    }


def _responsibility(r) -> dict:
    return {
        "service": r.service.slug,
        "area_type": r.area.area_type,
        "area_code": r.area.gss_code,
        "area_name": r.area.name,
        "provider": r.provider.organisation.slug,
    }


@router.post(
    "/catalogue/services",
    auth=session_or_token,
    response={201: ServiceOut, **WRITE_ERRORS},
    summary="Add a service",
    description="For officers and administrators. 422 if the name is taken.",
    operation_id="feedback_service_add",
)
def add_service(request: HttpRequest, payload: ServiceIn):
    require(request.user, "feedback.manage_catalogue")
    try:
        made = services.add_service(actor=request.user, **payload.dict())
    except services.FeedbackError as exc:
        return refused(exc)
    return Status(201, _service(made))


@router.post(
    "/catalogue/providers",
    auth=session_or_token,
    response={200: ProviderOut, **WRITE_ERRORS},
    summary="Record a provider, its sector and its targets",
    description=(
        "Makes a listed directory organisation a provider, or changes its sector and targets "
        "(working days; the site's defaults when left out). For officers and administrators."
    ),
    operation_id="feedback_provider_save",
)
def save_provider(request: HttpRequest, payload: ProviderIn):
    require(request.user, "feedback.manage_catalogue")
    organisation = Organisation.records.listed().filter(slug=payload.organisation).first()
    if organisation is None:
        return refused(services.FeedbackError("There is no such organisation.", "organisation"))
    try:
        provider = services.register_provider(
            actor=request.user,
            organisation=organisation,
            sector=payload.sector,
            acknowledge_days=payload.acknowledge_days,
            respond_days=payload.respond_days,
        )
    except services.FeedbackError as exc:
        return refused(exc)
    return _provider(provider)


@router.post(
    "/catalogue/responsibilities",
    auth=session_or_token,
    response={200: ResponsibilityOut, **WRITE_ERRORS},
    summary="Say who is responsible for a service in an area",
    description=(
        "Records (or replaces) the provider for a service in an area. For officers and "
        "administrators. 422 for a service, area or provider we do not hold."
    ),
    operation_id="feedback_responsibility_save",
)
def save_responsibility(request: HttpRequest, payload: ResponsibilityIn):
    require(request.user, "feedback.manage_catalogue")
    service = Service.objects.filter(slug=payload.service).first()
    area = area_for_code(payload.area)
    provider = Provider.objects.filter(organisation__slug=payload.provider).first()
    for value, field in ((service, "service"), (area, "area"), (provider, "provider")):
        if value is None:
            return refused(services.FeedbackError(f"There is no such {field}.", field))
    held = services.assign_responsibility(
        actor=request.user, service=service, area=area, provider=provider
    )
    return _responsibility(held)


@router.get(
    "/league",
    response={200: LeagueOut},
    summary="The provider league table",
    description=(
        "By provider and by sector: reports, answered, median and 90th percentile working "
        "days to the first response, the share answered on time and the reopen rate. Public."
    ),
    operation_id="feedback_league",
)
def league(request: HttpRequest):
    by_provider, by_sector = league_tables()
    return {
        "by_provider": [present.league_row(r) for r in by_provider],
        "by_sector": [present.league_row(r) for r in by_sector],
    }
