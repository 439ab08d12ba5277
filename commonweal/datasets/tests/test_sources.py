"""Finding a data file: local folders, then the cache, then a download (local server)."""

import csv
import io
import zipfile

import pytest

from commonweal.datasets.sources import Finder, SourceMissing
from commonweal.datasets.tests.test_download_server import LocalServer, closed_port_url

LSOA11 = "boundaries/calderdale_lsoa2011_bsc.geojson"
IMD = "imd2019/calderdale_iod2019_file2_domains.csv"


@pytest.fixture
def server():
    with LocalServer() as local:
        yield local


@pytest.fixture
def mirror(shared_data):
    """A mirror laid out like the shared data folder, served straight from it."""
    with LocalServer(root=shared_data) as local:
        yield local


def finder(tmp_path, **options) -> Finder:
    options.setdefault("progress", False)
    return Finder(cache_dir=tmp_path / "cache", **options)


def test_a_local_data_folder_comes_first(shared_data, server, tmp_path):
    found = finder(tmp_path, data_dirs=[tmp_path / "nowhere", shared_data]).find(
        LSOA11, server.url("never-asked.geojson")
    )
    assert found.path == shared_data / LSOA11
    assert found.origin == "data folder"
    assert server.total_requests() == 0


def test_downloads_once_then_uses_the_cache(shared_data, server, tmp_path):
    body = (shared_data / LSOA11).read_bytes()
    url = server.add("arcgis/query", body)
    first = finder(tmp_path).find(LSOA11, url)
    assert first.origin == "download"
    assert first.url == url
    assert first.path == tmp_path / "cache" / "data" / LSOA11
    assert first.path.read_bytes() == body
    again = finder(tmp_path).find(LSOA11, url)
    assert again.origin == "cache"
    assert server.total_requests() == 1
    # Nothing but the unpacked file is left behind.
    assert [p.name for p in (tmp_path / "cache").rglob("*") if p.is_file()] == [first.path.name]
    assert finder(tmp_path, refresh=True).find(LSOA11, url).origin == "download"
    assert server.total_requests() == 2


def test_a_mirror_replaces_the_official_address(mirror, shared_data, tmp_path):
    found = finder(tmp_path, mirror_base_url=mirror.base_url + "/").find(
        IMD, "https://assets.publishing.service.gov.uk/never-used.xlsx"
    )
    assert found.url == mirror.url(IMD)
    assert found.path.read_bytes() == (shared_data / IMD).read_bytes()


def test_offline_with_nothing_local_says_what_is_missing_and_how_to_fix_it(tmp_path, server):
    url = server.url(LSOA11)
    with pytest.raises(SourceMissing) as caught:
        finder(tmp_path, data_dirs=[tmp_path / "shared"], allow_download=False).find(
            LSOA11, url, label="LSOA 2011 boundaries"
        )
    message = str(caught.value)
    assert f"LSOA 2011 boundaries ({LSOA11}) is missing" in message
    assert str(tmp_path / "shared" / LSOA11) in message
    assert str(tmp_path / "cache" / "data" / LSOA11) in message
    assert "COMMONWEAL_SHARED_DATA" in message
    assert "without --offline" in message
    assert url in message
    assert server.total_requests() == 0


@pytest.mark.parametrize("failure", ["404", "refused"])
def test_a_failed_download_says_why_and_leaves_nothing(tmp_path, server, failure):
    url = server.url("missing/file.geojson") if failure == "404" else closed_port_url()
    with pytest.raises(SourceMissing) as caught:
        finder(tmp_path).find(LSOA11, url)
    message = str(caught.value)
    assert "Downloading it failed" in message
    assert ("answered 404" if failure == "404" else "could not be reached") in message
    assert "check the network connection" in message
    cache = tmp_path / "cache"
    assert not cache.exists() or not [p for p in cache.rglob("*") if p.is_file()]


def test_a_file_with_no_download_address_says_so(tmp_path):
    with pytest.raises(SourceMissing, match="There is no download address for this file"):
        finder(tmp_path).find(LSOA11, "")


def test_paths_must_stay_inside_the_data_folder(tmp_path):
    with pytest.raises(ValueError, match="inside the data folder"):
        finder(tmp_path).find("../etc/passwd", "")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return buffer.getvalue()


def test_a_zip_member_is_extracted(shared_data, server, tmp_path):
    body = (shared_data / IMD).read_bytes()
    url = server.add("iod.zip", _zip({"Notes/readme.txt": b"notes", "Data/file2.csv": body}))
    found = finder(tmp_path).find(IMD, url + "#member=Data/*.csv")
    assert found.path.read_bytes() == body
    # One data file needs no member named.
    assert finder(tmp_path, refresh=True).find(IMD, url).path.read_bytes() == body


def test_several_zip_members_are_joined_under_one_header(shared_data, server, tmp_path):
    lines = (shared_data / IMD).read_text(encoding="utf-8").splitlines(keepends=True)
    header, rows = lines[0], lines[1:]
    halves = {
        "Data/part_a.csv": ("\ufeff" + header + "".join(rows[:60])).encode(),
        "Data/part_b.csv": (header + "".join(rows[60:])).encode(),
    }
    url = server.add("parts.zip", _zip(halves))
    found = finder(tmp_path).find(IMD, url + "#member=Data/part_*.csv")
    assert found.path.read_text(encoding="utf-8").splitlines() == [
        line.rstrip("\n") for line in lines
    ]


def test_a_zip_without_the_member_says_what_it_holds(server, tmp_path):
    url = server.add("other.zip", _zip({"Data/other.csv": b"a,b\n1,2\n"}))
    with pytest.raises(SourceMissing, match=r"holds no file matching Data/ONSPD\*.*Data/other"):
        finder(tmp_path).find(IMD, url + "#member=Data/ONSPD*")


def test_a_worksheet_becomes_csv(shared_data, server, tmp_path):
    from openpyxl import Workbook

    with (shared_data / IMD).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))[:21]
    book = Workbook()
    book.active.title = "Notes"
    book.active.append(["English Indices of Deprivation 2019"])
    sheet = book.create_sheet("IoD2019 Domains")
    sheet.append(["Title rows above the table are left out"])
    sheet.append([])
    for row in rows:
        sheet.append([int(cell) if cell.isdigit() else cell for cell in row])
    buffer = io.BytesIO()
    book.save(buffer)
    url = server.add("File_2_-_IoD2019_Domains_of_Deprivation.xlsx", buffer.getvalue())

    found = finder(tmp_path).find(IMD, url)
    with found.path.open(encoding="utf-8", newline="") as handle:
        assert list(csv.reader(handle)) == rows
    named = finder(tmp_path, refresh=True).find(IMD, url + "#sheet=IoD2019 Domains")
    assert named.path.read_bytes() == found.path.read_bytes()
    with pytest.raises(SourceMissing, match="has no worksheet called 'Data'"):
        finder(tmp_path, refresh=True).find(IMD, url + "#sheet=Data")


def test_a_feature_layer_answer_becomes_csv(shared_data, server, tmp_path):
    import json

    lookup = "boundaries/calderdale_lookup_lsoa21_ward24_lad24.csv"
    with (shared_data / lookup).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    answer = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "geometry": None, "properties": row} for row in rows],
    }
    url = server.add("LSOA21_WD24_LAD24_EW_LU/FeatureServer/0/query", json.dumps(answer).encode())
    found = finder(tmp_path).find(lookup, url + "?where=LAD24CD%3D%27E08000033%27&f=geojson#as=csv")
    with found.path.open(encoding="utf-8", newline="") as handle:
        assert list(csv.DictReader(handle)) == rows

    answer["exceededTransferLimit"] = True
    server.add("partial/query", json.dumps(answer).encode())
    with pytest.raises(SourceMissing, match="sent only the first 129 rows"):
        finder(tmp_path).find("other.csv", server.url("partial/query") + "#as=csv")


def test_a_web_page_is_not_taken_for_data(server, tmp_path):
    url = server.add("datasets/ons::some-page", b"<!DOCTYPE html><html><body>About</body></html>")
    with pytest.raises(SourceMissing, match="answered with a web page, not a data file"):
        finder(tmp_path).find(LSOA11, url)
    assert not (tmp_path / "cache" / "data" / LSOA11).exists()
