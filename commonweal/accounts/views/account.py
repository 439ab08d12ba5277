from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse_lazy

from commonweal.accounts import forms, services
from commonweal.core.permissions import can


@login_required
def profile(request):
    roles = request.user.role_assignments.current().select_related("authority")
    links = {
        "people": can(request.user, "accounts.manage_roles"),
        "audit": can(request.user, "core.view_audit"),
    }
    return render(request, "accounts/profile.html", {"roles": roles, "links": links})


def sign_up(request):
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = forms.SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.sign_up(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                display_name=form.cleaned_data["display_name"],
            )
        except ValidationError as exc:
            _add_errors(form, exc, fallback="password1")
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, "Your account has been created")
            return redirect("accounts:profile")
    return render(request, "accounts/signup.html", {"form": form})


def _add_errors(form, exc: ValidationError, *, fallback: str) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        # Password validators raise plain lists of messages.
        form.add_error(fallback, exc.messages)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change_form.html"
    form_class = forms.PasswordChangeForm
    success_url = reverse_lazy("accounts:password_change_done")

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            services.record_password_change(
                actor=self.request.user, user=form.user, how="changed when signed in"
            )
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Always says the same thing, so it never reveals whether an address has an account."""

    template_name = "accounts/password_reset_form.html"
    form_class = forms.PasswordResetForm
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        self.extra_email_context = {"site_name": settings.COMMONWEAL_SITE_NAME}
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = forms.SetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            services.record_password_change(
                actor=form.user, user=form.user, how="reset by email link"
            )
        return response
