"""Users and access: staff administration (users) and organisations' own access management
(organisation_access). The package exports every service."""

from __future__ import annotations

from werkpost.accounts.services.organisation_access import (
    AccessChange,
    access_request_decide,
    colleague_access_mail_send,
    colleague_access_set,
    colleague_create,
    colleague_remove,
    org_admin_set,
    organisation_access_set,
)
from werkpost.accounts.services.users import (
    ACCESS_TYPE_FIELDS,
    MAX_ORG_ADMINS,
    AccessTypeLoad,
    AccountError,
    access_type_grant,
    access_type_revoke,
    access_types_load,
    access_types_set,
    email_verify_by_reset,
    profile_update,
    terms_accept,
    user_create,
    user_invite,
)

__all__ = [
    "ACCESS_TYPE_FIELDS",
    "MAX_ORG_ADMINS",
    "AccessChange",
    "AccessTypeLoad",
    "AccountError",
    "access_request_decide",
    "access_type_grant",
    "access_type_revoke",
    "access_types_load",
    "access_types_set",
    "colleague_access_mail_send",
    "colleague_access_set",
    "colleague_create",
    "colleague_remove",
    "email_verify_by_reset",
    "org_admin_set",
    "organisation_access_set",
    "profile_update",
    "terms_accept",
    "user_create",
    "user_invite",
]
