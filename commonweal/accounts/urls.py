from django.contrib.auth import views as auth_views
from django.urls import path

from commonweal.accounts.views import account, data, people, tokens

app_name = "accounts"

urlpatterns = [
    path("", account.profile, name="profile"),
    path(
        "sign-in/",
        auth_views.LoginView.as_view(template_name="accounts/login.html"),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("sign-up/", account.sign_up, name="signup"),
    path("password/", account.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/changed/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/password_change_done.html"
        ),
        name="password_change_done",
    ),
    path("password/reset/", account.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        account.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("your-data/", data.your_data, name="your_data"),
    path("your-data/download/", data.download, name="your_data_download"),
    path("erase/", data.erase, name="erase"),
    path("api-tokens/", tokens.tokens, name="tokens"),
    path("api-tokens/<int:pk>/revoke/", tokens.revoke, name="token_revoke"),
    path("people/", people.people, name="people"),
    path("people/<int:pk>/", people.person, name="person"),
    path("people/<int:pk>/roles/<int:assignment_pk>/revoke/", people.revoke, name="role_revoke"),
]
