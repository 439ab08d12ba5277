from django.urls import path

from commonweal.budgets.views import ideas, processes, results, voting

urlpatterns = [
    path("", processes.home, name="home"),
    path("new/", processes.process_new, name="process_new"),
    path("processes.csv", processes.export_csv, name="export_csv"),
    path("<slug:slug>/", processes.process_page, name="process"),
    path("<slug:slug>/phase/", processes.advance, name="advance"),
    path("<slug:slug>/ideas/new/", ideas.propose, name="propose"),
    path("<slug:slug>/ideas/<int:pk>/", ideas.idea_page, name="idea"),
    path("<slug:slug>/ideas/<int:pk>/photo/", ideas.photo, name="photo"),
    path("<slug:slug>/ideas/<int:pk>/support/", ideas.support, name="support"),
    path("<slug:slug>/ideas/<int:pk>/comment/", ideas.comment, name="comment"),
    path("<slug:slug>/ideas/<int:pk>/assess/", ideas.assess, name="assess"),
    path("<slug:slug>/ideas/<int:pk>/delivery/", results.delivery, name="delivery"),
    path("<slug:slug>/pots/new/", processes.pot_new, name="pot_new"),
    path("<slug:slug>/pots/<int:pot>/vote/", voting.ballot, name="ballot"),
    path("<slug:slug>/pots/<int:pot>/election.pb", results.election_pb, name="election_pb"),
    path("<slug:slug>/pots/<int:pot>/rule.json", results.rule_json, name="rule_json"),
    path("<slug:slug>/paper/", voting.paper, name="paper"),
    path("<slug:slug>/tallies/", voting.tallies, name="tallies"),
    path("<slug:slug>/count/", results.count, name="count"),
    path("<slug:slug>/results/", results.results, name="results"),
]
