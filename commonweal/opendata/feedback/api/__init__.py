"""The feedback API, mounted at /api/v1/feedback/: reports, their steps, support, the
catalogue and the league table."""

from ninja import Router

from commonweal.opendata.feedback.api import catalogue, reports

router = Router()
router.add_router("/reports", reports.router)
router.add_router("/", catalogue.router)

__all__ = ["router"]
