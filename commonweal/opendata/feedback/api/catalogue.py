"""The catalogue (services, providers, who answers where) and the league table: public."""

from django.http import HttpRequest
from ninja import Router

from commonweal.opendata.feedback.api import present
from commonweal.opendata.feedback.api.schemas import CatalogueOut, LeagueOut
from commonweal.opendata.feedback.models import Provider, Responsibility, Service
from commonweal.opendata.feedback.services.league import league_tables

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
        "services": [
            {"slug": s.slug, "name": s.name, "description": s.description}
            for s in Service.objects.all()
        ],
        "providers": [
            {
                "slug": p.organisation.slug,
                "name": p.name,
                "sector": p.sector,
                "acknowledge_days": p.acknowledge_days,
                "respond_days": p.respond_days,
            }
            for p in Provider.objects.select_related("organisation")
        ],
        "responsibilities": [
            {
                "service": r.service.slug,
                "area_type": r.area.area_type,
                "area_code": r.area.gss_code,
                "area_name": r.area.name,
                "provider": r.provider.organisation.slug,
            }
            for r in Responsibility.objects.select_related(
                "service", "area", "provider__organisation"
            )
        ],
    }


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
