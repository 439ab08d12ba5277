"""The directory's refusals in the API's one error shape, and finding what a person may see."""

from django.http import Http404, HttpRequest
from ninja import Status

from commonweal.api import AUTH_ERRORS, LOOKUP_ERRORS, WRITE_ERRORS, error_body  # noqa: F401 (re-exported)
from commonweal.directory.models import Organisation
from commonweal.directory.services import DirectoryError, DirectoryInvalid

# The services name some fields differently from the request bodies.
BODY_FIELDS = {"areas": "area_codes", "tags": "interest_tags"}


def error(status: int, code: str, message: str, details: list | None = None) -> Status:
    return Status(status, error_body(code, message, details))


def refused(exc: DirectoryError, *, where: str = "body.payload") -> Status:
    """422 with one detail per field, located as request validation errors are."""
    errors = exc.errors if isinstance(exc, DirectoryInvalid) else {exc.field: exc.reason}
    details = [
        {"location": f"{where}.{BODY_FIELDS.get(field, field)}" if field else where, "message": m}
        for field, m in errors.items()
    ]
    code = "invalid_details" if isinstance(exc, DirectoryInvalid) else "refused"
    return error(422, code, exc.reason, details)


def organisation_or_404(request: HttpRequest, slug: str) -> Organisation:
    """The organisation if this person may see it: anyone sees listed ones; its leaders,
    the borough's officers and administrators also see unverified and withdrawn ones."""
    organisation = (
        Organisation.records.visible_to(request.user)
        .select_related("authority")
        .filter(slug=slug)
        .first()
    )
    if organisation is None:
        raise Http404(f"There is no organisation “{slug[:60]}” in the directory.")
    return organisation
