"""What this feature offers the platform: registered from its AppConfig.ready()."""

from commonweal.core.registry import Feature, NavItem
from commonweal.opendata.feedback.demo import load_sample_feedback
from commonweal.opendata.feedback.personal_data import erase_person, personal_data

FEATURE = Feature(
    key="feedback",
    title="Feedback to service providers",
    navigation=[NavItem(label="Feedback", url_name="feedback:list", order=60)],
    personal_data=[personal_data],
    erasers=[erase_person],
    exports={
        "Feedback reports to service providers, anonymised (CSV)": "feedback:reports_csv",
        "Provider league table: response times and reopen rates (CSV)": "feedback:league_csv",
    },
    api_routers={"/feedback": "commonweal.opendata.feedback.api.router"},
    demo_loaders=[load_sample_feedback],
)
