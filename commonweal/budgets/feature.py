"""What participatory budgeting offers the platform: registered from BudgetsConfig.ready()."""

from commonweal.budgets.demo import load_demo_processes
from commonweal.budgets.personal_data import erase_person, personal_data
from commonweal.core.registry import Feature, NavItem

FEATURE = Feature(
    key="budgets",
    title="Participatory budgeting",
    navigation=[NavItem(label="Budgets", url_name="budgets:home", order=50)],
    exports={"Participatory budgeting processes (CSV)": "budgets:export_csv"},
    personal_data=[personal_data],
    erasers=[erase_person],
    api_routers={"/budgets": "commonweal.budgets.api.router"},
    demo_loaders=[load_demo_processes],
)
