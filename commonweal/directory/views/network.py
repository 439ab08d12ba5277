"""Directory pages (network): coverage, the links between groups, consortia, and the
network picture. The views live in the network_* modules beside this one."""

from django.urls import path

from commonweal.directory.views import (
    network_consortia,
    network_coverage,
    network_graph,
    network_links,
)

urlpatterns: list = [
    path("coverage/", network_coverage.coverage, name="coverage"),
    path("coverage.csv", network_coverage.coverage_csv, name="coverage_csv"),
    path("network/", network_graph.network, name="network"),
    path("consortia/<slug:slug>/", network_consortia.consortium, name="consortium"),
    path(
        "consortia/<slug:slug>/members/<slug:organisation_slug>/remove/",
        network_consortia.consortium_remove_member,
        name="consortium_remove_member",
    ),
    path("<slug:slug>/links/", network_links.organisation_links, name="organisation_links"),
    path(
        "<slug:slug>/links/<int:link_id>/end/",
        network_links.organisation_link_end,
        name="organisation_link_end",
    ),
    path("<slug:slug>/consortia/new/", network_links.consortium_new, name="consortium_new"),
]
