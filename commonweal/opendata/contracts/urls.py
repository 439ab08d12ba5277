from django.urls import path

from commonweal.opendata.contracts.views import ocds, officer, public

app_name = "contracts"

urlpatterns = [
    path("", public.contract_list, name="list"),
    path("contracts.csv", public.contract_csv, name="csv"),
    path("releases.json", ocds.all_releases, name="releases"),
    path("records.json", ocds.all_records, name="records"),
    path("new/", officer.contract_new, name="new"),
    path("import/", officer.contract_import, name="import"),
    path("<int:pk>/", public.contract_detail, name="detail"),
    path("<int:pk>/amend/", officer.contract_amend, name="amend"),
    path("<int:pk>/status/", officer.contract_status, name="status"),
    path("<int:pk>/releases.json", ocds.contract_releases, name="contract_releases"),
    path("<int:pk>/record.json", ocds.contract_record, name="contract_record"),
    path("<int:pk>/releases/<int:sequence>.json", ocds.one_release, name="release"),
]
