"""The budgets demo: three real past elections decided by equal shares, and a live sample
process for the demo borough, made through the same services residents and officers use.

The past elections are read from the shared data (../shared/data/pabulib) with the engine's
reader, never copied; without the shared data the demo says so and carries on.
"""

from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from commonweal.core.registry import DemoNote
from commonweal.places.models import Area, AreaType, Postcode

SAMPLE = "(sample)"

#: file -> the preset reproducing its official outcome (pb.md §4.4)
PAST_ELECTIONS = {
    "Netherlands_Assen_2024.pb": ("Assen Top Idee 2024", "official-assen-2024"),
    "Poland_Swiecie_2023.pb": ("Świecie 2023", "official-swiecie-2023"),
    "Poland_Wieliczka_2023_Green_Budget.pb": (
        "Wieliczka Green Budget 2023",
        "official-wieliczka-2023",
    ),
}

IDEAS = [
    ("Planters and benches on the high street", "borough", 12000),
    ("Free summer holiday sports sessions", "borough", 18000),
    ("Repair café tools and training", "borough", 6500),
    ("Community fridge with volunteers' rota", "borough", 9000),
    ("Bulbs and wildflowers for the park edges", "ward", 4000),
    ("Play equipment for the small park", "ward", 11000),
    ("Safer crossing signs near the primary school", "ward", 5500),
]


def pabulib_dir() -> Path:
    return Path(settings.COMMONWEAL_SHARED_DATA) / "pabulib"


def load_past_processes(actor=None) -> list[str]:
    from commonweal.budgets import counting as engine
    from commonweal.budgets.models import Process
    from commonweal.budgets.services import import_election

    folder = pabulib_dir()
    if not folder.is_dir():
        return [
            DemoNote(f"No past budgeting processes: the Pabulib elections are not at {folder}.")
        ]
    lines = []
    for name, (title, rule) in PAST_ELECTIONS.items():
        if Process.objects.filter(source_file=name).exists():
            continue
        path = folder / name
        if not path.is_file():
            lines.append(DemoNote(f"Skipped {title}: {path} is missing."))
            continue
        process = import_election(
            actor=actor, election=engine.read(path), source_file=name, title=title, rule=rule
        )
        lines.append(f"Past budgeting process: {process.title} ({rule})")
    return lines


def _postcodes(area, how_many: int) -> list[str]:
    field = "ward_code" if area.area_type == AreaType.WARD else "authority_code"
    return list(
        Postcode.objects.filter(**{field: area.gss_code}, longitude__isnull=False)
        .order_by("postcode")
        .values_list("postcode", flat=True)[:how_many]
    )


def _person(email: str, name: str, password: str):
    from commonweal.accounts.models import User
    from commonweal.accounts.services import Operator, create_account

    user = User.objects.filter(email__iexact=email).first()
    return user or create_account(
        actor=Operator("demo load"), email=email, password=password, display_name=name
    )


def load_live_process(authority, officer, password: str) -> list[str]:
    from commonweal.budgets import services
    from commonweal.budgets.models import Process

    title = f"{authority.name} Community Budget {timezone.now().year} {SAMPLE}"
    if Process.objects.filter(authority=authority, is_past=False, title=title).exists():
        return []
    ward = Area.objects.of_type(AreaType.WARD).in_authority(authority).order_by("gss_code").first()
    if ward is None or not _postcodes(ward, 1):
        return [
            DemoNote(
                f"No live budgeting process: we hold no wards or postcodes for {authority.name}."
            )
        ]
    with transaction.atomic():
        process = services.create_process(
            actor=officer,
            title=title,
            description="A sample process: residents propose ideas for their borough and for "
            f"{ward.name} ward, officers cost them, and residents vote. Counted with the "
            "Method of Equal Shares.",
            authority=authority,
            pots=[
                (f"Whole of {authority.name}", authority, Decimal(40000)),
                (f"{ward.name} ward", ward, Decimal(15000)),
            ],
            ballot_kind="approval",
            max_projects=3,
            official_rule="equalshares-net",
            voting_closes=timezone.now() + timezone.timedelta(days=28),
        )
        borough_pot, ward_pot = process.pots.order_by("id")
        ward_codes = _postcodes(ward, 40)
        people = [
            _person(f"voter{n:02d}@{slugify(authority.name)}.demo", f"Sample voter {n}", password)
            for n in range(1, 31)
        ]
        ideas = []
        for n, (name, where, cost) in enumerate(IDEAS):
            pot = borough_pot if where == "borough" else ward_pot
            idea = services.propose_idea(
                actor=people[n],
                pot=pot,
                title=f"{name} {SAMPLE}",
                description=f"{name}. A sample idea for the demo.",
                postcode=ward_codes[n % len(ward_codes)],
            )
            ideas.append((idea, cost))
        for idea, _ in ideas[:3]:
            for person in people[10:14]:
                services.support_idea(actor=person, idea=idea)
        services.advance_phase(actor=officer, process=process)  # review and costing
        for idea, cost in ideas:
            services.assess_idea(actor=officer, idea=idea, cost=cost, note="Feasible.")
        services.advance_phase(actor=officer, process=process)  # voting
        borough_ids = [str(i.pk) for i, _ in ideas if i.pot_id == borough_pot.pk]
        ward_ids = [str(i.pk) for i, _ in ideas if i.pot_id == ward_pot.pk]
        for n, person in enumerate(people):
            postcode = ward_codes[n % len(ward_codes)]
            chosen = {borough_ids[n % 4]: 1, borough_ids[(n * 3 + 1) % 4]: 1}
            services.cast_ballot(
                actor=person, pot=borough_pot, choices=chosen, postcode=postcode, age_declared=True
            )
            services.cast_ballot(
                actor=person,
                pot=ward_pot,
                choices={ward_ids[n % 3]: 1},
                postcode=postcode,
                age_declared=True,
            )
        library = services.add_location(actor=officer, process=process, name="Central Library")
        second = _person(f"organiser@{slugify(authority.name)}.demo", "Sample organiser", password)
        services.enter_paper_ballot(
            actor=officer,
            pot=borough_pot,
            location=library,
            serial="P0001",
            choices={borough_ids[0]: 1},
        )
        from commonweal.accounts.models import Role, RoleAssignment

        if not RoleAssignment.objects.filter(user=second, role=Role.ORGANISER).exists():
            RoleAssignment.objects.create(user=second, role=Role.ORGANISER, authority=authority)
        services.enter_paper_ballot(
            actor=second,
            pot=borough_pot,
            location=library,
            serial="P0001",
            choices={borough_ids[0]: 1},
        )
    return [f"Live budgeting process: {process.title}, voting open, 61 sample ballots"]


def load_demo_processes(authority, officer, password: str) -> list[str]:
    """The demo loader registered with the platform (a second run changes nothing)."""
    from django.db import transaction as tx

    with tx.atomic():
        lines = load_past_processes(actor=officer)
    return lines + load_live_process(authority, officer, password)
