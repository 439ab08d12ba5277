"""Area pages and borough pages, with the real Calderdale and Trafford data."""

import re

import pytest

from commonweal.places.models import Area, AreaType, DeprivationScore, Domain, Edition

pytestmark = pytest.mark.django_db


def lsoa21(authority) -> Area:
    return (
        Area.objects.of_type(AreaType.LSOA21)
        .in_authority(authority)
        .filter(deprivation__edition=Edition.IOD2025)
        .order_by("gss_code")
        .first()
    )


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


class TestAreaPage:
    def test_lsoa_2021(self, client, calderdale):
        area = lsoa21(calderdale)
        html = page(client, f"/places/lsoa21/{area.gss_code}/")
        assert f'<h1 class="govuk-heading-xl">{area.name}</h1>' in html
        # The map: inline SVG, labelled, with the neighbours linked.
        assert '<svg xmlns="http://www.w3.org/2000/svg"' in html
        assert 'aria-label="Map of ' in html
        assert 'class="cw-map__neighbour"' in html
        # Population with the note.
        assert "Adults (18 and over)" in html
        if area.population_note:
            assert area.population_note in html
        # Deprivation: the latest edition's chart and the same figures in a table.
        imd = DeprivationScore.objects.get(area=area, edition=Edition.IOD2025, domain=Domain.IMD)
        assert "English Indices of Deprivation 2025" in html
        assert f"Decile {imd.decile}:" in html
        assert 'class="cw-chart"' in html
        assert "1 = most deprived 10%" in html
        assert f">{imd.rank:,}<" in html
        assert ">Score<" in html
        # The ward and borough, linked.
        assert f'href="/places/lad/{calderdale.gss_code}/"' in html
        assert 'href="/places/ward/' in html
        # The 2011 LSOAs it came from.
        assert "The same place in the 2011 census areas" in html
        assert 'href="/places/lsoa11/' in html
        # Every dataset behind the page in the footer.
        assert "Data on this page" in html
        footer = html.split('class="govuk-footer"')[1]
        for dataset in {area.dataset, imd.dataset}:
            assert dataset.title in footer

    def test_lsoa_2011_shows_the_2019_edition_and_its_successors(self, client, calderdale):
        area = (
            Area.objects.of_type(AreaType.LSOA11)
            .in_authority(calderdale)
            .filter(deprivation__edition=Edition.IOD2019)
            .first()
        )
        html = page(client, f"/places/lsoa11/{area.gss_code}/")
        assert "English Indices of Deprivation 2019" in html
        assert "The same place in the 2021 census areas" in html
        assert 'href="/places/lsoa21/' in html
        # Its ward, through the 2021 areas it became.
        assert 'href="/places/ward/' in html
        # IoD 2019 here has no scores, so no score column for it.
        section_2019 = html.split('id="deprivation-iod2019"')[1]
        assert ">Score<" not in section_2019

    def test_ward_shows_weighted_figures_and_its_small_areas(self, client, calderdale):
        ward = Area.objects.of_type(AreaType.WARD).in_authority(calderdale).first()
        html = page(client, f"/places/ward/{ward.gss_code}/")
        assert ward.name in html
        assert "population-weighted averages" in html
        assert f"Small areas in {ward.name}" in html

    def test_the_borough_url_for_an_authority_redirects(self, client, calderdale):
        response = client.get(f"/places/lad/{calderdale.gss_code}/")
        assert response.status_code == 200
        response = client.get(f"/places/{AreaType.LOCAL_AUTHORITY}/{calderdale.gss_code}/")
        assert response.status_code in (200, 302)

    @pytest.mark.parametrize(
        "url",
        [
            "/places/lsoa21/E01999999/",
            "/places/planet/E01010994/",
            "/places/lad/E08999999/",
            "/places/ward/E01010994/",
        ],
    )
    def test_unknown_areas_are_404(self, client, calderdale, url):
        response = client.get(url)
        assert response.status_code == 404


class TestBoroughPage:
    def test_decile_map_legend_and_every_small_area(self, client, calderdale):
        html = page(client, f"/places/lad/{calderdale.gss_code}/")
        lsoas = Area.objects.of_type(AreaType.LSOA21).in_authority(calderdale)
        assert 'class="cw-map cw-map--decile"' in html
        # Each small area is a link on the map and a row in the table.
        map_svg = html.split('class="cw-map cw-map--decile"')[1].split("</svg>")[0]
        assert map_svg.count('class="cw-map__link"') == lsoas.count()
        table = html.split('id="small-areas"')[1].split("</table>")[0]
        assert table.count('<tr class="govuk-table__row">') == lsoas.count() + 1
        # A legend of the ten deciles.
        assert html.count('class="cw-legend__item"') == 10
        assert "Decile 1 (most deprived)" in html

    def test_wards_with_weighted_deciles(self, client, calderdale):
        html = page(client, f"/places/lad/{calderdale.gss_code}/")
        wards = Area.objects.of_type(AreaType.WARD).in_authority(calderdale)
        section = html.split('id="wards"')[1].split("</table>")[0]
        assert section.count("/places/ward/") == wards.count()
        assert "Weighted IMD 2025 decile" in section

    @pytest.mark.parametrize(
        ("sort", "first_is"),
        [("rank", "most"), ("-rank", "least"), ("name", None), ("nonsense", "most")],
    )
    def test_the_table_sorts_on_the_server(self, client, calderdale, sort, first_is):
        html = page(client, f"/places/lad/{calderdale.gss_code}/?sort={sort}")
        table = html.split('id="small-areas"')[1].split("</table>")[0]
        codes = re.findall(r"<td class=\"govuk-table__cell\">(E0\d{7})</td>", table)
        scores = {
            s.area.gss_code: s.rank
            for s in DeprivationScore.objects.filter(
                area__authority=calderdale, edition=Edition.IOD2025, domain=Domain.IMD
            ).select_related("area")
        }
        ranks = [scores[c] for c in codes]
        if first_is == "most":
            assert ranks == sorted(ranks)
        elif first_is == "least":
            assert ranks == sorted(ranks, reverse=True)
        else:
            names = re.findall(r'href="/places/lsoa21/E0\d{7}/">([^<]+)</a>', table)
            assert names == sorted(names)

    def test_trafford(self, client, trafford):
        html = page(client, f"/places/lad/{trafford.gss_code}/")
        assert trafford.name in html
        assert 'class="cw-map cw-map--decile"' in html

    def test_boroughs_list(self, client, calderdale, trafford):
        html = page(client, "/places/boroughs/")
        assert f'href="/places/lad/{calderdale.gss_code}/"' in html
        assert f'href="/places/lad/{trafford.gss_code}/"' in html
