"""The directory API, mounted at /api/v1/directory/."""

from ninja import Router

router = Router()
