"""A tiny API used only by the token tests, so they do not depend on other features."""

from django.urls import path
from ninja import NinjaAPI

from commonweal.accounts.api_auth import ApiTokenAuth, session_or_token

test_api = NinjaAPI(urls_namespace="accounts_test_api", docs_url=None)


@test_api.get("/whoami", auth=session_or_token)
def whoami(request):
    return {"email": request.auth.email, "user": request.user.email}


@test_api.post("/echo", auth=session_or_token)
def echo(request):
    return {"email": request.auth.email}


@test_api.get("/token-only", auth=ApiTokenAuth())
def token_only(request):
    return {"email": request.auth.email}


urlpatterns = [path("api/", test_api.urls)]
