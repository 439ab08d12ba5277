import rules
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def get_by_natural_key(self, username):
        # Addresses are stored in lower case; people type them however they like.
        return self.get(email__iexact=username)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account. Everyone with an account is a resident."""

    email = models.EmailField(unique=True)
    display_name = models.CharField(max_length=150, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    # Set when the person erased their account: the row stays, pseudonymised,
    # so the audit trail still points at one (now anonymous) actor.
    erased_at = models.DateTimeField(null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        ordering = ["email"]

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_full_name(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name or self.email

    def has_perm(self, perm: str, obj=None) -> bool:
        """Only the django-rules permissions decide, for superusers too.

        Django's own short cut (an active superuser holds every permission) and
        model permissions granted through Django groups would bypass our deny by
        default, so neither counts: a permission holds only if a rule says so.
        """
        if not self.is_active:
            return False
        return rules.has_perm(perm, self, obj)

    def has_perms(self, perm_list, obj=None) -> bool:
        return all(self.has_perm(perm, obj) for perm in perm_list)


class Role(models.TextChoices):
    RESIDENT = "resident", "Resident"
    GROUP_LEADER = "group_leader", "Group leader"
    ORGANISER = "organiser", "Community organiser"
    OFFICER = "officer", "Council officer"
    ASSESSOR = "assessor", "Assessor"
    ADMINISTRATOR = "administrator", "Administrator"


class RoleAssignmentQuerySet(models.QuerySet):
    def current(self) -> "RoleAssignmentQuerySet":
        return self.filter(revoked_at__isnull=True)


class RoleAssignment(models.Model):
    """A role held by a person, optionally scoped to a local authority or an object.

    Council officers, organisers and assessors are scoped to the authority
    they work for; group leaders are scoped to their group (scope_type and
    scope_id, used by the directory). Revoking sets revoked_at; rows are kept.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField(max_length=30, choices=Role.choices)
    authority = models.ForeignKey(
        "places.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="role_assignments",
        help_text="The local authority this role is held for; blank means everywhere.",
    )
    scope_type = models.CharField(max_length=100, blank=True)
    scope_id = models.CharField(max_length=100, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    granted_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["user", "role"]

    def __str__(self) -> str:
        where = f" for {self.authority.name}" if self.authority_id else ""
        return f"{self.get_role_display()}{where}"


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class ApiToken(models.Model):
    """A bearer token an integration uses to call the API as a person.

    Only a SHA-256 hash of the token is stored; the token itself is shown once,
    when it is created. Revoking sets revoked_at; rows are kept.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text="What the token is for.")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the token, so a person can tell their tokens apart.
    prefix = models.CharField(max_length=12, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
