from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from commonweal.accounts.models import Role, User
from commonweal.places.models import Area, AreaType


def role_from(value: str) -> str:
    lookup = {role.value: role.value for role in Role}
    lookup.update({role.value.replace("_", "-"): role.value for role in Role})
    try:
        return lookup[value.lower()]
    except KeyError:
        names = ", ".join(role.value for role in Role if role != Role.RESIDENT)
        raise CommandError(f"There is no role called {value!r}. Roles: {names}.") from None


def authority_from(gss_code: str | None):
    if not gss_code:
        return None
    authority = Area.objects.filter(
        area_type=AreaType.LOCAL_AUTHORITY, gss_code=gss_code.upper()
    ).first()
    if authority is None:
        raise CommandError(
            f"No local authority has the code {gss_code}. Import the boundaries first "
            "(commonweal import ...), or check the ONS GSS code, for example E08000033."
        )
    return authority


def user_from(email: str) -> User:
    try:
        return User.objects.get(email__iexact=email.strip())
    except User.DoesNotExist:
        raise CommandError(f"No account uses the email address {email}.") from None


def explain(exc: ValidationError) -> CommandError:
    return CommandError(" ".join(exc.messages))
