"""The directory API, mounted at /api/v1/directory/: organisations, memberships, tags."""

from ninja import Router

from commonweal.directory.api import memberships, organisations, taxonomy

router = Router()
router.add_router("/organisations", organisations.router)
router.add_router("/", memberships.router)
router.add_router("/interest-tags", taxonomy.router)

__all__ = ["router"]
