"""The directory's open data: the Open Referral UK feed and the CSV export. Public, and
only ever listed organisations: Organisation.public, never an unfiltered manager."""

import math
import uuid

from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from commonweal.api import error_body
from commonweal.directory import exports
from commonweal.directory.models import Activity
from commonweal.directory.openreferral import export as oruk
from commonweal.directory.openreferral import ids
from commonweal.directory.openreferral import taxonomy as tx
from commonweal.directory.openreferral.schemas import PROFILE_URL, VERSION

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200


def _json(data, status: int = 200, *, download: str = "") -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    # Open data: other directories' tools read it from their own sites.
    response["Access-Control-Allow-Origin"] = "*"
    if download:
        response["Content-Disposition"] = f'attachment; filename="{download}"'
    return response


def _not_found(what: str) -> JsonResponse:
    return _json(error_body("not_found", f"There is no listed {what} with that id."), 404)


class BadQuery(ValueError):
    pass


def _number(request, name: str, default: int) -> int:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadQuery(f"{name} must be a whole number, not “{raw[:20]}”.") from None
    if value < 1:
        raise BadQuery(f"{name} must be 1 or more.")
    return value


def _page(request, items, present) -> JsonResponse:
    """One page in the Open Referral UK shape (components.schemas.Page in its openapi)."""
    try:
        number = _number(request, "page", 1)
        per_page = min(_number(request, "per_page", DEFAULT_PER_PAGE), MAX_PER_PAGE)
    except BadQuery as exc:
        return _json(error_body("invalid_query", str(exc)), 400)
    total = len(items) if isinstance(items, list) else items.count()
    pages = max(1, math.ceil(total / per_page))
    chosen = list(items[(number - 1) * per_page : number * per_page])
    return _json(
        {
            "total_items": total,
            "total_pages": pages,
            "page_number": number,
            "size": len(chosen),
            "first_page": number == 1,
            "last_page": number >= pages,
            "empty": total == 0,
            "contents": [present(item) for item in chosen],
        }
    )


@require_GET
def api_meta(request):
    return _json(
        {
            "version": VERSION,
            "profile": PROFILE_URL,
            "openapi_url": (
                "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/openapi.json"
            ),
        }
    )


def _activities(request):
    activities = oruk.listed_activities()
    search = request.GET.get("search", "").strip()
    if search:
        activities = activities.filter(
            Q(name__icontains=search)
            | Q(description__icontains=search)
            | Q(organisation__name__icontains=search)
        )
    wanted_org = request.GET.get("organization_id", "").strip()
    if wanted_org:
        activities = [a for a in activities if ids.organization_id(a.organisation) == wanted_org]
    term = request.GET.get("taxonomy_term_id", "").strip()
    if term:
        slugs = [t["term"] for t in tx.all_terms() if t["id"] == term]
        activities = [
            a for a in activities if a.organisation.interest_tags.filter(slug__in=slugs).exists()
        ]
    return activities


@require_GET
def services_list(request):
    return _page(request, _activities(request), lambda a: oruk.service_record(a, full=False))


def _listed_activity(service_uuid: str) -> Activity | None:
    try:
        uuid.UUID(service_uuid)
    except ValueError:
        return None
    # Ids are derived, not stored: find the listed activity whose id this is.
    for pk, slug in oruk.listed_activities().values_list("pk", "organisation__slug"):
        if ids.stable("service", slug, pk) == service_uuid:
            return oruk.listed_activities().get(pk=pk)
    return None


@require_GET
def service_detail(request, service_uuid: str):
    activity = _listed_activity(service_uuid)
    if activity is None:
        return _not_found("service")
    return _json(oruk.service_record(activity))


@require_GET
def organizations_list(request):
    return _page(request, list(oruk.listed_organisations()), oruk.organization_record)


@require_GET
def organization_detail(request, organization_uuid: str):
    for organisation in oruk.listed_organisations():
        if ids.organization_id(organisation) == organization_uuid:
            record = oruk.organization_record(organisation)
            record["services"] = [
                oruk.service_record(a, full=False) for a in organisation.activities.all()
            ]
            return _json(record)
    return _not_found("organization")


@require_GET
def taxonomies_list(request):
    return _page(request, list(tx.TAXONOMIES), tx.taxonomy_record)


@require_GET
def taxonomy_detail(request, taxonomy_uuid: str):
    taxonomy = tx.BY_ID.get(taxonomy_uuid)
    if taxonomy is None:
        return _not_found("taxonomy")
    return _json(tx.taxonomy_record(taxonomy, with_terms=True))


@require_GET
def taxonomy_terms_list(request):
    return _page(request, tx.all_terms(), lambda term: term)


@require_GET
def taxonomy_term_detail(request, term_uuid: str):
    for term in tx.all_terms():
        if term["id"] == term_uuid:
            return _json(term)
    return _not_found("taxonomy term")


@require_GET
def package_export(request):
    data = oruk.package()
    data["publisher_url"] = request.build_absolute_uri(reverse("directory:oruk_meta"))
    return _json(data, download="openreferral-uk.json")


@require_GET
def csv_export(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="groups-{stamp}.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    exports.write_organisations_csv(response)
    return response


ORUK = "openreferral/"
urlpatterns = [
    path(ORUK, api_meta, name="oruk_meta"),
    path(ORUK + "services", services_list, name="oruk_services"),
    path(ORUK + "services/<str:service_uuid>", service_detail, name="oruk_service"),
    path(ORUK + "organizations", organizations_list, name="oruk_organizations"),
    path(
        ORUK + "organizations/<str:organization_uuid>",
        organization_detail,
        name="oruk_organization",
    ),
    path(ORUK + "taxonomies", taxonomies_list, name="oruk_taxonomies"),
    path(ORUK + "taxonomies/<str:taxonomy_uuid>", taxonomy_detail, name="oruk_taxonomy"),
    path(ORUK + "taxonomy_terms", taxonomy_terms_list, name="oruk_taxonomy_terms"),
    path(ORUK + "taxonomy_terms/<str:term_uuid>", taxonomy_term_detail, name="oruk_taxonomy_term"),
    path(ORUK + "export.json", package_export, name="oruk_export"),
    path("export.csv", csv_export, name="export_csv"),
]
