"""The public API, /api/v1/: routers come from the features that registered them.

Every error has one shape: {"error": {"code": ..., "message": ..., "details": [...]}}.
"""

from importlib import import_module
from typing import Annotated

from django.core.exceptions import PermissionDenied
from django.core.signals import got_request_exception
from django.http import Http404
from django.utils.log import log_response
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from pydantic import StringConstraints

from commonweal.core import registry

api = NinjaAPI(
    title="Commonweal API",
    version="1",
    description=(
        "Open data and casework for community power: areas, deprivation and postcodes, "
        "with more as features are added. Responses are JSON; areas can be GeoJSON. "
        'Errors always have the shape {"error": {"code", "message", "details"}}.'
    ),
    urls_namespace="api",
    docs_url="/docs",
)


class ErrorDetail(Schema):
    location: str = ""
    message: str | None = None


class ErrorBody(Schema):
    code: str
    message: str
    details: list[ErrorDetail] = []


class ErrorResponse(Schema):
    """The one shape every error takes; declare it for each error status an operation returns."""

    error: ErrorBody


# The refusals operations declare: 401/403 for who may not, 404 for what they may not see,
# 422 for a request we cannot accept, and 400 (writes) for a body that is not JSON at all.
AUTH_ERRORS = {401: ErrorResponse, 403: ErrorResponse}
LOOKUP_ERRORS = {404: ErrorResponse, 422: ErrorResponse}
WRITE_ERRORS = {400: ErrorResponse, **AUTH_ERRORS, **LOOKUP_ERRORS}

# PostgreSQL can neither store nor compare a NUL character: text that holds one is a 422.
NO_NUL = r"^[^\x00]*$"


def PlainText(max_length: int):
    """A string of at most `max_length` characters with no NUL character."""
    return Annotated[str, StringConstraints(max_length=max_length, pattern=NO_NUL)]


def error_body(code: str, message: str, details: list | None = None) -> dict:
    return {"error": {"code": code, "message": message, "details": details or []}}


@api.exception_handler(ValidationError)
def _validation(request, exc: ValidationError):
    details = [
        {"location": ".".join(str(part) for part in err.get("loc", [])), "message": err.get("msg")}
        for err in exc.errors
    ]
    return api.create_response(
        request, error_body("invalid_request", "The request is not valid.", details), status=422
    )


@api.exception_handler(Http404)
def _not_found(request, exc):
    message = str(exc) or "Not found."
    return api.create_response(request, error_body("not_found", message), status=404)


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    message = str(exc) or "You do not have permission to do this."
    return api.create_response(request, error_body("forbidden", message), status=403)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return api.create_response(
        request, error_body("unauthenticated", "Sign in or send an API token."), status=401
    )


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    codes = {400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found"}
    code = codes.get(exc.status_code, "error")
    return api.create_response(request, error_body(code, str(exc)), status=exc.status_code)


@api.exception_handler(Exception)
def _server_error(request, exc: Exception):
    # Anything unforeseen: logged with its traceback and signalled as Django does for pages,
    # then answered in the one error shape rather than as an HTML page.
    got_request_exception.send(sender=None, request=request)
    response = api.create_response(
        request,
        error_body("server_error", "Sorry, there is a problem with the service. Try again later."),
        status=500,
    )
    log_response(
        "Internal Server Error: %s", request.path, response=response, request=request, exception=exc
    )
    return response


def mount_feature_routers() -> None:
    for feature in registry.features():
        for prefix, dotted in feature.api_routers.items():
            module_name, _, attribute = dotted.rpartition(".")
            router = getattr(import_module(module_name), attribute)
            api.add_router(prefix, router)
