"""The .pb export (the engine's writer) re-imported (the engine's reader) gives the same
election and the same outcome; the three real MES elections load as past processes and
their official outcomes are reproduced; the demo copes without the shared data."""

from pathlib import Path

import pytest

from commonweal.budgets import counting as engine
from commonweal.budgets import demo, phases, services
from commonweal.budgets.models import Process
from commonweal.budgets.tests.platform_fixtures import *  # noqa: F403
from commonweal.budgets.tests.platform_support import POSTCODE, to
from commonweal.datasets.importing import run_import
from commonweal.datasets.importing.registry import get_importer

pytestmark = pytest.mark.django_db


def test_export_and_reimport_round_trip(voting, resident, other_resident, officer):
    process, pot, ideas = voting
    for person, chosen in ((resident, ideas[:2]), (other_resident, ideas[1:2])):
        services.cast_ballot(
            actor=person,
            pot=pot,
            choices={str(i.pk): 1 for i in chosen},
            postcode=POSTCODE,
            age_declared=True,
        )
    to(process, phases.COUNTING, officer)
    count = services.count_pot(actor=officer, pot=pot)
    election = engine.loads(count.pb_text)
    assert election.budget == pot.budget
    assert [b.projects for b in election.ballots] == [
        tuple(i.project_id for i in ideas[:2]),
        (ideas[1].project_id,),
    ]
    again = services.import_election(actor=officer, election=election, source_file="x.pb")
    assert again.is_past and again.phase == phases.RESULTS
    copy = again.pots.get()
    recount = services.latest_count(copy)
    assert recount.selected == count.selected
    assert engine.loads(recount.pb_text).projects.keys() == election.projects.keys()
    assert [b.projects for b in engine.loads(recount.pb_text).ballots] == [
        b.projects for b in election.ballots
    ]


@pytest.mark.parametrize("name", list(demo.PAST_ELECTIONS))
def test_the_official_mes_outcomes_are_reproduced_as_past_processes(name, pabulib_dir, officer):
    election = engine.read(pabulib_dir / name)
    title, rule = demo.PAST_ELECTIONS[name]
    process = services.import_election(
        actor=officer, election=election, source_file=name, title=title, rule=rule
    )
    count = services.latest_count(process.pots.get())
    assert sorted(count.selected) == sorted(election.selected_in_file())
    assert count.ballots_counted == len(election.ballots)


def test_the_pabulib_importer_is_a_dry_run_unless_committed(pabulib_dir, officer):
    importer = get_importer("pabulib")(actor=officer)
    path = pabulib_dir / "Netherlands_Assen_2024.pb"
    report = run_import(importer, path)
    assert not report.committed and not Process.objects.filter(source_file=path.name).exists()
    run_import(get_importer("pabulib")(actor=officer), path, commit=True)
    assert Process.objects.filter(source_file=path.name, is_past=True).exists()


def test_the_demo_says_so_when_the_shared_data_are_missing(settings, tmp_path):
    settings.COMMONWEAL_SHARED_DATA = Path(tmp_path) / "nowhere"
    [line] = demo.load_past_processes()
    assert "not at" in line
    assert not Process.objects.past().exists()


def test_the_demo_loads_past_and_live_processes_once(calderdale, officer, pabulib_dir):
    lines = demo.load_demo_processes(calderdale, officer, "demo password 123")
    assert len([line for line in lines if line.startswith("Past")]) == 3
    live = Process.objects.live().get(authority=calderdale)
    assert live.phase == phases.VOTING
    assert sum(pot.ballots.count() for pot in live.pots.all()) == 61
    assert demo.load_demo_processes(calderdale, officer, "demo password 123") == []


def test_anyone_can_recount_the_published_file_with_the_cli(voting, resident, officer, tmp_path):
    import io
    import json

    from django.core.management import call_command

    process, pot, ideas = voting
    services.cast_ballot(
        actor=resident,
        pot=pot,
        choices={str(ideas[0].pk): 1},
        postcode=POSTCODE,
        age_declared=True,
    )
    to(process, phases.COUNTING, officer)
    count = services.count_pot(actor=officer, pot=pot)
    path = tmp_path / "published.pb"
    path.write_text(count.pb_text, encoding="utf-8")
    out = io.StringIO()
    call_command("budgets_count", str(path), "--rule", count.rule, stdout=out)
    assert json.loads(out.getvalue())["selected"] == count.selected


def test_personal_data_and_erasure(voting, resident, officer):
    from commonweal.budgets.personal_data import erase_person, personal_data

    _process, pot, ideas = voting
    services.cast_ballot(
        actor=resident,
        pot=pot,
        choices={str(ideas[0].pk): 1},
        postcode=POSTCODE,
        age_declared=True,
    )
    held = personal_data(resident)
    assert held["ballots"][0]["choices"] == [ideas[0].title]
    assert len(held["ideas_proposed"]) == 3
    erase_person(resident)
    assert personal_data(resident)["ballots"] == []
    assert pot.ballots.count() == 1
