"""The directory's services: every write goes through one of these (atomic, audited).

Each takes a keyword-only `actor` (a person, or None for the system itself) and refuses
with PermissionDenied what the actor may not do, or DirectoryError with the reason.
"""

from commonweal.directory.services.activities import (
    create_activity,
    delete_activity,
    update_activity,
)
from commonweal.directory.services.benefit import served_lsoas, set_benefit, set_interest_tags
from commonweal.directory.services.conduct import (
    ConductStatus,
    accept_code,
    conduct_status,
    current_code,
    publish_code,
)
from commonweal.directory.services.coverage import (
    AuthorityCoverage,
    LsoaCoverage,
    WardCoverage,
    active_community_groups,
    authority_coverage,
    groups_serving,
    is_borough_wide,
    lsoas_of,
    ward_coverage,
)
from commonweal.directory.services.details import DETAIL_FIELDS, clean_details
from commonweal.directory.services.errors import DirectoryError, DirectoryInvalid
from commonweal.directory.services.leaders import (
    CONSENT_TEXT,
    give_consent,
    published_leader,
    withdraw_consent,
)
from commonweal.directory.services.links import (
    add_to_consortium,
    create_consortium,
    current_members,
    end_link,
    link,
    remove_from_consortium,
)
from commonweal.directory.services.membership import (
    current_membership,
    join,
    leader,
    leave,
    member_count,
    remove_member,
    set_role,
)
from commonweal.directory.services.organisations import (
    clear_override,
    override_classification,
    register_organisation,
    update_organisation,
    verify_organisation,
    withdraw_organisation,
)
from commonweal.directory.services.taxonomy import add_tag, retire_tag

__all__ = [
    "CONSENT_TEXT",
    "DETAIL_FIELDS",
    "AuthorityCoverage",
    "ConductStatus",
    "DirectoryError",
    "DirectoryInvalid",
    "LsoaCoverage",
    "WardCoverage",
    "accept_code",
    "active_community_groups",
    "add_tag",
    "add_to_consortium",
    "authority_coverage",
    "clean_details",
    "clear_override",
    "conduct_status",
    "create_activity",
    "create_consortium",
    "current_code",
    "current_members",
    "current_membership",
    "delete_activity",
    "end_link",
    "give_consent",
    "groups_serving",
    "is_borough_wide",
    "join",
    "leader",
    "leave",
    "link",
    "lsoas_of",
    "member_count",
    "override_classification",
    "publish_code",
    "published_leader",
    "register_organisation",
    "remove_from_consortium",
    "remove_member",
    "retire_tag",
    "served_lsoas",
    "set_benefit",
    "set_interest_tags",
    "set_role",
    "update_activity",
    "update_organisation",
    "verify_organisation",
    "ward_coverage",
    "withdraw_consent",
    "withdraw_organisation",
]
