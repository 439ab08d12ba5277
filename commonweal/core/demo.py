"""The demo: one borough of real open data, a council officer and an administrator.

`commonweal demo load` finds every file of the borough's bundle (a local data
folder, the cache, or a download from its publisher; see datasets/sources.py),
loads them through the same importers a council uses, and makes sure the demo
people exist. Running it again changes nothing.

The demo password is generated once per installation and kept in
`var/demo-password` (readable by its owner only), rather than printed in the
documentation: a published password would open every demo that someone
exposes beyond their own computer.
"""

import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import transaction

from commonweal.datasets.sources import Finder, Found

ADMIN_EMAIL = "admin@commonweal.demo"
SIGN_IN_URL = "http://127.0.0.1:8000/accounts/sign-in/"


class DemoError(Exception):
    """The demo cannot be loaded; the message says why and what to do."""


# The bundle -------------------------------------------------------------------------


def _field(step, *names: str, default=None):
    for name in names:
        if isinstance(step, dict) and name in step:
            return step[name]
        if hasattr(step, name):
            return getattr(step, name)
    return default


def step_path(step) -> str:
    return str(_field(step, "path", "file", "relative_path"))


def step_source(step) -> str:
    return str(_field(step, "source", "importer", default=""))


def step_label(step) -> str:
    return str(_field(step, "label", "title", default="") or step_source(step))


def bundle(key: str):
    from commonweal.places.bundles import BOROUGHS

    if key not in BOROUGHS:
        raise DemoError(
            f"There is no demo borough called {key!r}. Choose from: {', '.join(BOROUGHS)}."
        )
    return BOROUGHS[key]


def download_address(borough, step) -> str:
    """Where to download a step's file: a direct address for the publication it names."""
    official = str(_field(step, "official_url", default="") or "")
    template = downloads().get(official, official)
    return template.format(code=borough.gss_code, name=quote(borough.name))


def find_files(borough, finder: Finder) -> list[Found]:
    """Find every file before loading any, so a missing one stops us cleanly."""
    return [
        finder.find(step_path(step), download_address(borough, step), label=step_label(step))
        for step in borough.steps
    ]


@contextmanager
def data_folder(steps: list, found: list[Found]) -> Iterator[Path]:
    """One folder holding every step's file at its path, as load_borough expects.

    When the files all come from one folder, that folder; otherwise a temporary
    folder of links to wherever each file was found.
    """
    roots = {
        Path(str(item.path)[: -len(step_path(step))].rstrip("/\\") or "/")
        for step, item in zip(steps, found, strict=True)
    }
    if len(roots) == 1:
        yield roots.pop()
        return
    with tempfile.TemporaryDirectory(prefix="commonweal-demo-") as tmp:
        for step, item in zip(steps, found, strict=True):
            link = Path(tmp) / step_path(step)
            link.parent.mkdir(parents=True, exist_ok=True)
            try:
                link.symlink_to(item.path.resolve())
            except OSError:
                shutil.copyfile(item.path, link)
        yield Path(tmp)


ARCGIS = "https://services1.arcgis.com/ESMARspQHYMw9BZ9/arcgis/rest/services/"
BY_NAME = "where=LSOA{year}NM%20LIKE%20%27{{name}}%20%25%27"  # LSOA names start with the LAD's
# The ONS Postcode Directory's fields the postcode importer reads (it matches names in any case).
POSTCODE_FIELDS = "pcds,lsoa11,lsoa21,osward,oslaua,lat,long"


def _layer(name: str, where: str, *, order: str, csv: bool = False, fields: str = "*") -> str:
    """A feature-layer query: fetched page by page (datasets/download.py), in `order`."""
    return (
        f"{ARCGIS}{name}/FeatureServer/0/query?{where}&outFields={fields}"
        f"&orderByFields={order}&outSR=4326&f=geojson" + ("#as=csv" if csv else "")
    )


def downloads() -> dict[str, str]:
    """Direct download addresses (templates on {code} and {name}) for each publication page
    a bundle names. See docs/data-sources.md; none has been fetched from the real servers."""
    from commonweal.places import bundles as b

    gov = "https://assets.publishing.service.gov.uk/"
    postcodes = _layer(
        "ONSPD_Online_Latest_Centroids",
        "where=oslaua%3D%27{code}%27",
        order="pcds",
        fields=POSTCODE_FIELDS,
        csv=True,
    )
    return {
        b.LAD_2024_BUC: _layer(
            "Local_Authority_Districts_May_2024_Boundaries_UK_BUC",
            "where=LAD24CD%3D%27{code}%27",
            order="LAD24CD",
        ),
        b.LAD_2023_BGC: _layer(
            "Local_Authority_Districts_May_2023_UK_BGC_V2",
            "where=LAD23CD%3D%27{code}%27",
            order="LAD23CD",
        ),
        b.LSOA11_BSC: _layer(
            "LSOA_Dec_2011_Boundaries_Super_Generalised_Clipped_BSC_EW_V3_2022",
            BY_NAME.format(year=11),
            order="LSOA11CD",
        ),
        b.LSOA11_BGC: _layer(
            "LSOA_Dec_2011_Boundaries_Generalised_Clipped_BGC_EW_V3",
            BY_NAME.format(year=11),
            order="LSOA11CD",
        ),
        b.LSOA21_BSC: _layer(
            "Lower_layer_Super_Output_Areas_December_2021_Boundaries_EW_BSC_V4",
            BY_NAME.format(year=21),
            order="LSOA21CD",
        ),
        b.LSOA21_BGC: _layer(
            "Lower_layer_Super_Output_Areas_December_2021_Boundaries_EW_BGC_V5",
            BY_NAME.format(year=21),
            order="LSOA21CD",
        ),
        b.WARDS_2022_BSC: _layer(
            "Wards_December_2022_Boundaries_UK_BSC",
            "where=LAD22CD%3D%27{code}%27",
            order="WD22CD",
        ),
        b.WARDS_2023_BGC: _layer(
            "Wards_December_2023_Boundaries_UK_BGC",
            "where=LAD23CD%3D%27{code}%27",
            order="WD23CD",
        ),
        b.LOOKUP_21_WARD: _layer(
            "LSOA21_WD24_LAD24_EW_LU",
            "where=LAD24CD%3D%27{code}%27",
            order="LSOA21CD",
            csv=True,
        ),
        b.LOOKUP_11_21: _layer(
            "LSOA11_LSOA21_LAD22_EW_LU_v5",
            "where=LAD22CD%3D%27{code}%27",
            order="LSOA11CD,LSOA21CD",
            csv=True,
        ),
        b.POPULATION_2020: (
            "https://www.ons.gov.uk/file?uri=/peoplepopulationandcommunity/"
            "populationandmigration/populationestimates/datasets/"
            "lowersuperoutputareamidyearpopulationestimates/mid2020sape23dt2/"
            "sape23dt2mid2020lsoasyoaestimatesunformatted.xlsx#sheet=Mid-2020 Persons"
        ),
        b.IOD2019_FILE2: f"{b.IOD2019_FILE2}#sheet=IoD2019 Domains",
        b.IOD2025: (
            f"{gov}media/691ded56d140bbbaa59a2a7d/"
            "File_7_IoD2025_All_Ranks_Scores_Deciles_Population_Denominators.csv"
        ),
        # The demo's own Calderdale file is derived (see docs/data-sources.md); downloaded,
        # both boroughs' postcodes come from the latest ONS Postcode Directory.
        b.POSTCODES_MAY22: postcodes,
        b.ONSPD_FEB25: postcodes,
    }


# The demo people --------------------------------------------------------------------


def password_file() -> Path:
    return Path(
        getattr(settings, "COMMONWEAL_DEMO_PASSWORD_FILE", None)
        or Path(settings.VAR_DIR) / "demo-password"
    )


def demo_password() -> str:
    """The installation's demo password: generated the first time, then reused."""
    path = password_file()
    if path.is_file():
        password = path.read_text(encoding="utf-8").strip()
        if password:
            return password
    password = "-".join(secrets.token_urlsafe(6) for _ in range(3))
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(password + "\n")
    return password


@dataclass
class Person:
    email: str
    role_label: str
    created: bool = False
    granted: bool = False
    own_password: bool = False  # someone changed the password since; we left it alone

    @property
    def changed(self) -> bool:
        return self.created or self.granted


@transaction.atomic
def ensure_person(
    email: str, *, password: str, role: str, authority=None, display_name: str = ""
) -> Person:
    from commonweal.accounts.models import RoleAssignment, User
    from commonweal.accounts.services import Operator, create_account, grant_role

    operator = Operator("demo load")
    person = Person(email=email, role_label=role)
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = create_account(
            actor=operator, email=email, password=password, display_name=display_name
        )
        person.created = True
    elif not user.check_password(password):
        person.own_password = True
    held = RoleAssignment.objects.current().filter(user=user, role=role, authority=authority)
    if not held.exists():
        grant_role(actor=operator, user=user, role=role, authority=authority)
        person.granted = True
    return person


def ensure_people(key: str, authority) -> tuple[list[Person], str]:
    from commonweal.accounts.models import Role

    password = demo_password()
    name = authority.name if authority is not None else key.title()
    people = [
        ensure_person(
            f"officer@{key}.demo",
            password=password,
            role=Role.OFFICER,
            authority=authority,
            display_name=f"Demo officer, {name} Council",
        ),
        ensure_person(
            ADMIN_EMAIL,
            password=password,
            role=Role.ADMINISTRATOR,
            display_name="Demo administrator",
        ),
    ]
    return people, password


def find_authority(borough):
    from commonweal.places.models import Area

    code, key = borough.gss_code, borough.key
    authority = Area.objects.authorities().filter(gss_code=code).first()
    if authority is None:
        raise DemoError(
            f"The borough loaded, but its local authority ({code}) is not among the areas; "
            f"the bundle for {key!r} must include the authority's boundary or lookup."
        )
    return authority


# The report -------------------------------------------------------------------------


def report_lines(step, item: Found, report) -> list[str]:
    changes = [
        f"{label} {before} → {after}"
        for label, (before, after) in report.changes.items()
        if before != after
    ]
    touched = report.created or report.updated
    if touched or changes:
        detail = f"created {report.created}, updated {report.updated}, unchanged {report.unchanged}"
        summary = "; ".join([*changes, detail])
    else:
        summary = f"nothing changed ({report.rows_read} rows read)"
    lines = [f"{step_label(step)}: {summary}", f"    {item.describe()}"]
    lines += [f"    {note}" for note in report.notes if not note.startswith("Nothing changed")]
    return lines
