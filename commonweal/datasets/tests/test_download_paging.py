"""ArcGIS feature layers fetched page by page, against a local server that pages like ONS's."""

import csv
import json

import pytest

from commonweal.datasets.download import DownloadFailed, fetch
from commonweal.datasets.sources import Finder, SourceMissing
from commonweal.datasets.tests.test_download_server import LocalServer, features_from_rows

POSTCODES = "postcodes/calderdale_postcode_lsoa_latlong_derived.csv"
LAYER = "arcgis/rest/services/ONSPD_Online_Latest_Centroids/FeatureServer/0/query"
QUERY = "?where=oslaua%3D%27E08000033%27&outFields=pcds,lsoa11,oslaua&orderByFields=pcds&f=geojson"


@pytest.fixture
def server():
    with LocalServer() as local:
        yield local


@pytest.fixture
def postcode_rows(shared_data) -> list[dict]:
    """The demo's Calderdale postcodes under the ONS Postcode Directory's field names."""
    with (shared_data / POSTCODES).open(encoding="utf-8", newline="") as handle:
        return [
            {"pcds": row["pcds"], "lsoa11": row["lsoa11cd"], "oslaua": row["ladcd"]}
            for row in csv.DictReader(handle)
        ]


def cache_files(tmp_path) -> list[str]:
    cache = tmp_path / "cache"
    return sorted(p.name for p in cache.rglob("*") if p.is_file()) if cache.exists() else []


def offsets(server, path=LAYER) -> list[str]:
    return [
        part.split("=", 1)[1]
        for query in server.queries["/" + path]
        for part in query.split("&")
        if part.startswith("resultOffset=")
    ]


def test_the_pages_are_joined_in_order_with_a_progress_bar(server, postcode_rows, tmp_path, capsys):
    url = server.add_layer(LAYER, features_from_rows(postcode_rows)) + QUERY
    path = fetch(url, cache_dir=tmp_path / "cache", progress=True)

    pages = -(-len(postcode_rows) // 2000)
    assert len(postcode_rows) > 7000 and pages == 4
    assert server.requests["/" + LAYER] == pages
    assert offsets(server) == ["0", "2000", "4000", "6000"]
    for query in server.queries["/" + LAYER]:
        # The query as given (its encoding untouched), plus the paging.
        assert query.startswith(QUERY[1:] + "&resultOffset=")
        assert query.endswith("&resultRecordCount=2000")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["type"] == "FeatureCollection"
    assert "properties" not in document  # no exceededTransferLimit left in the joined answer
    got = [feature["properties"] for feature in document["features"]]
    assert got == sorted(postcode_rows, key=lambda row: row["pcds"])
    err = capsys.readouterr().err
    assert "Downloading ONSPD_Online_Latest_Centroids" in err
    assert f"{len(postcode_rows)} features" in err
    assert "page 4" in err

    # Cached: nothing is asked again.
    assert fetch(url, cache_dir=tmp_path / "cache", progress=False) == path
    assert server.requests["/" + LAYER] == pages


@pytest.mark.parametrize("esri_json", [False, True], ids=["geojson", "esri-json"])
def test_a_paged_layer_becomes_one_csv(server, postcode_rows, tmp_path, esri_json):
    url = server.add_layer(
        LAYER, features_from_rows(postcode_rows), max_record_count=1000, esri_json=esri_json
    )
    address = url + QUERY.replace("f=geojson", "f=json" if esri_json else "f=geojson")
    found = Finder(cache_dir=tmp_path / "cache", progress=False).find(
        POSTCODES, address + "#as=csv"
    )
    # The server's limit (1,000) is below the page we ask for (2,000): we go on from
    # what it sent, not from what we asked for.
    assert offsets(server)[:3] == ["0", "1000", "2000"]
    assert server.requests["/" + LAYER] == 8
    with found.path.open(encoding="utf-8", newline="") as handle:
        assert list(csv.DictReader(handle)) == sorted(postcode_rows, key=lambda r: r["pcds"])
    assert cache_files(tmp_path) == ["calderdale_postcode_lsoa_latlong_derived.csv"]


def test_a_small_layer_is_one_request(server, postcode_rows, tmp_path):
    url = server.add_layer(LAYER, features_from_rows(postcode_rows[:10])) + QUERY
    document = json.loads(fetch(url, cache_dir=tmp_path, progress=False).read_text())
    assert len(document["features"]) == 10
    assert server.requests["/" + LAYER] == 1


ERROR = {"error": {"code": 500, "message": "Unable to complete operation.", "details": []}}


@pytest.mark.parametrize(
    ("page", "truncate", "says"),
    [
        (json.dumps(ERROR).encode(), False, "answered with an error: 500 Unable to complete"),
        (b"<!DOCTYPE html><html><body>Service busy</body></html>", False, "with a web page"),
        (b'{"type": "FeatureCollection", "features": [{"type": "Fea', False, "not complete JSON"),
        (b'{"type": "FeatureCollection", "features": [', True, "stopped after"),
        (b'{"count": 7286}', False, "did not answer with a list of features"),
    ],
    ids=["error-json", "html", "cut-off-json", "cut-off-connection", "not-features"],
)
def test_a_bad_page_midway_stops_clearly_and_leaves_nothing(
    server, postcode_rows, tmp_path, page, truncate, says
):
    url = server.add_layer(
        LAYER, features_from_rows(postcode_rows), broken={4000: page}, truncate=truncate
    )
    with pytest.raises(SourceMissing) as caught:
        Finder(cache_dir=tmp_path / "cache", progress=False).find(
            POSTCODES, url + QUERY + "#as=csv", label="Postcodes"
        )
    message = str(caught.value)
    assert "Downloading it failed" in message
    assert says in message
    if not truncate:
        assert "page 3 of the layer" in message
        assert "resultOffset=4000" in message
    assert offsets(server) == ["0", "2000", "4000"]  # nothing asked after the bad page
    assert cache_files(tmp_path) == []  # no half file, no part file, no pages


def test_a_layer_that_ignores_the_offset_is_refused(server, postcode_rows, tmp_path):
    first = {
        "type": "FeatureCollection",
        "features": features_from_rows(postcode_rows[:2000]),
        "properties": {"exceededTransferLimit": True},
    }
    url = server.add("Stuck/FeatureServer/0/query", json.dumps(first).encode())
    with pytest.raises(DownloadFailed, match="repeated the page before it"):
        fetch(url + "?where=1%3D1&f=geojson", cache_dir=tmp_path / "cache", progress=False)
    assert server.requests["/Stuck/FeatureServer/0/query"] == 2
    assert cache_files(tmp_path) == []


def test_more_promised_but_nothing_sent_is_refused(server, tmp_path):
    empty = {"features": [], "exceededTransferLimit": True}
    url = server.add("Empty/FeatureServer/0/query", json.dumps(empty).encode())
    with pytest.raises(DownloadFailed, match="said there were more features but sent none"):
        fetch(url + "?f=json", cache_dir=tmp_path / "cache", progress=False)
    assert cache_files(tmp_path) == []
