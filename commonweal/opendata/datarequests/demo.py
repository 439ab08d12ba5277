"""The requests log's demo: a few sample requests (labelled) to the demo borough's council."""

import datetime as dt

from commonweal.opendata.datarequests import services
from commonweal.opendata.datarequests.models import DataRequest

SAMPLES = [
    ("Grass cutting schedules for parks and verges (sample)", dt.date(2025, 1, 6), "published"),
    ("Locations of public defibrillators (sample)", dt.date(2025, 2, 3), "answered"),
    ("Home addresses of library card holders (sample)", dt.date(2025, 2, 17), "refused"),
]


def load_sample_requests(authority, officer, password: str) -> list[str]:
    if DataRequest.objects.filter(authority=authority, is_sample=True).exists():
        return []
    for subject, received, outcome in SAMPLES:
        item = services.record_request(
            actor=officer,
            authority=authority,
            body_council=authority,
            subject=subject,
            received_on=received,
            is_sample=True,
        )
        services.set_outcome(
            actor=officer,
            request=item,
            status=outcome,
            answered_on=received + dt.timedelta(days=21),
            answer="A sample answer." if outcome == "answered" else "",
            refusal_reason="Personal data (sample)." if outcome == "refused" else "",
            dataset_url="https://example.org/sample-dataset" if outcome == "published" else "",
        )
    return [f"Sample right to data requests: {len(SAMPLES)} in {authority.name}."]
