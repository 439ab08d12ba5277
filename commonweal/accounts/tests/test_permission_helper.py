import pytest
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.views import View

from commonweal.accounts.models import User
from commonweal.accounts.permissions import PermissionRequiredMixin, permission_required
from commonweal.core.permissions import can

pytestmark = pytest.mark.django_db


@permission_required("accounts.manage_roles")
def admin_view(request):
    return HttpResponse("ok")


@permission_required("accounts.erase_account", lambda request, pk: User.objects.get(pk=pk))
def object_view(request, pk):
    return HttpResponse("ok")


class AdminView(PermissionRequiredMixin, View):
    permission_required = "accounts.manage_roles"

    def get(self, request):
        return HttpResponse("ok")


def call(view, user, **kwargs):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/somewhere/?x=1")
    request.user = user or AnonymousUser()
    return view(request, **kwargs)


@pytest.mark.parametrize("view", [admin_view, AdminView.as_view()])
def test_anonymous_is_sent_to_sign_in(view):
    response = call(view, None)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/sign-in/?next=/somewhere/%3Fx%3D1"


@pytest.mark.parametrize("view", [admin_view, AdminView.as_view()])
def test_signed_in_without_permission_is_refused(view, resident):
    with pytest.raises(PermissionDenied):
        call(view, resident)


@pytest.mark.parametrize("view", [admin_view, AdminView.as_view()])
def test_with_permission_gets_the_page(view, administrator):
    assert call(view, administrator).status_code == 200


def test_object_permissions(resident, other_resident):
    assert call(object_view, resident, pk=resident.pk).status_code == 200
    with pytest.raises(PermissionDenied):
        call(object_view, resident, pk=other_resident.pk)


def test_refused_pages_use_the_govuk_403_page(client, resident):
    client.force_login(resident)
    response = client.get("/accounts/people/")
    assert response.status_code == 403
    assert "You do not have permission to see this page" in response.content.decode()
    assert "govuk-heading-l" in response.content.decode()


def test_a_superuser_flag_does_not_bypass_the_rules(db):
    boss = User.objects.create_user(email="boss@example.org", password="x" * 20)
    boss.is_superuser = True
    boss.is_staff = True
    boss.save()
    assert not can(boss, "accounts.manage_roles")
    assert not can(boss, "core.view_audit")
    assert not boss.has_perm("accounts.manage_roles")
    assert not boss.has_perm("accounts.add_user")  # a Django model permission


def test_django_model_permissions_do_not_count(resident):
    from django.contrib.auth.models import Permission

    resident.user_permissions.add(Permission.objects.get(codename="view_auditevent"))
    resident = User.objects.get(pk=resident.pk)
    assert not resident.has_perm("core.view_auditevent")


def test_undeclared_permissions_are_refused(administrator):
    assert not can(administrator, "accounts.no_such_permission")


def test_inactive_accounts_hold_nothing(administrator):
    administrator.is_active = False
    assert not can(administrator, "accounts.manage_roles")
