"""Error answers in the API's one error shape."""

from ninja import Status

from commonweal.api import error_body


def error(status: int, code: str, message: str, details: list | None = None) -> Status:
    return Status(status, error_body(code, message, details))
