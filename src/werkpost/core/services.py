"""Core services: operators' message settings."""

from __future__ import annotations

from django.db import transaction

from werkpost.core import clock, settings_cache
from werkpost.core.audit import Actor, audit_log
from werkpost.core.messages import CATALOGUE, Severity
from werkpost.core.models import MessageSetting


class MessageSettingError(ValueError):
    """A setting that cannot be applied; nothing was changed."""


def message_setting_change(
    *, code: str, severity: Severity | None, enabled: bool, reason: str, actor: Actor
) -> MessageSetting:
    """Change a configurable message type's severity or switch it off (severity None: back
    to the default)."""
    mtype = CATALOGUE.get(code)
    if mtype is None:
        raise MessageSettingError(f"unknown message code {code!r}")
    if not mtype.configurable:
        raise MessageSettingError(f"{code} is not configurable: it guards the structure of the data")
    if not reason.strip():
        raise MessageSettingError("a reason is required (it is kept in the audit log)")
    with transaction.atomic():
        setting, _ = MessageSetting.objects.select_for_update().get_or_create(
            code=code, defaults={"changed_at": clock.now()}
        )
        before = {"severity": setting.severity or None, "enabled": setting.enabled}
        setting.severity = str(severity) if severity else ""
        setting.enabled = enabled
        setting.reason = reason.strip()
        setting.changed_at = clock.now()
        setting.changed_by = actor.label
        setting.save()
        audit_log(
            "core.message_setting.changed",
            actor=actor,
            subject=setting,
            data={
                "code": code,
                "before": before,
                "after": {"severity": setting.severity or None, "enabled": enabled},
                "reason": setting.reason,
            },
        )
        settings_cache.clear()  # this process sees the change at once, others within seconds
        transaction.on_commit(settings_cache.clear)
    return setting
