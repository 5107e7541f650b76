"""werkpost message-setting CODE: change the severity of a rule or switch it off (audited)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from werkpost.core.audit import Actor
from werkpost.core.messages import CATALOGUE, Severity
from werkpost.core.models import MessageSetting
from werkpost.core.services import MessageSettingError, message_setting_change


class Command(BaseCommand):
    help = "Show or change a configurable message type: its severity, or switch it off or on."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", nargs="?", help="message code; without it, list the changed settings")
        parser.add_argument("--severity", choices=[*[s.value for s in Severity], "default"])
        switch = parser.add_mutually_exclusive_group()
        switch.add_argument("--disable", action="store_true", help="switch the rule off")
        switch.add_argument("--enable", action="store_true", help="switch the rule on again")
        parser.add_argument("--reason", default="", help="why (kept in the audit log)")
        parser.add_argument("--operator", default="cli", help="who makes the change (for the audit log)")

    def handle(self, *args: Any, **options: Any) -> None:
        code = options["code"]
        if not code:
            for setting in MessageSetting.objects.all():
                self.stdout.write(
                    f"{setting}  ({setting.changed_at:%Y-%m-%d} by {setting.changed_by}: {setting.reason})"
                )
            return
        current = MessageSetting.objects.filter(code=code).first()
        if options["severity"] is None and not (options["disable"] or options["enable"]):
            mtype = CATALOGUE.get(code)
            if mtype is None:
                raise CommandError(f"unknown message code {code!r}")
            self.stdout.write(
                f"{code}: default {mtype.severity}, configurable: {mtype.configurable}; setting: {current or 'none'}"
            )
            return
        severity = options["severity"]
        if severity is None:
            severity = current.severity if current and current.severity else "default"
        enabled = not options["disable"] and (options["enable"] or current is None or current.enabled)
        try:
            setting = message_setting_change(
                code=code,
                severity=None if severity == "default" else Severity(severity),
                enabled=enabled,
                reason=options["reason"],
                actor=Actor.system(f"cli:{options['operator']}"),
            )
        except MessageSettingError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"changed: {setting}")
