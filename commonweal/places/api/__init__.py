"""The places API under /api/v1/: register ``commonweal.places.api.router``."""

from commonweal.places.api.routes import router

__all__ = ["router"]
