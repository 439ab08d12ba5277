"""The places API: areas, postcodes and neighbourhoods, mounted at /api/v1/."""

from ninja import Router

from commonweal.places.api import areas, neighbourhoods, postcodes

router = Router()
router.add_router("/areas", areas.router)
router.add_router("/postcodes", postcodes.router)
router.add_router("/neighbourhoods", neighbourhoods.router)
