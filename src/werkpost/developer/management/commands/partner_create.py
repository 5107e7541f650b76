"""werkpost partner-create: create (or reuse) a partner and issue it an API key."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from werkpost.core.audit import Actor
from werkpost.core.environments import Environment
from werkpost.developer.services import ApiKeyError, api_key_create
from werkpost.partners.services import PartnerError, partner_get_or_create


class Command(BaseCommand):
    help = "Create a partner (or reuse it) and print a new API key for it (shown once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--supplier-id", required=True, help="the partner's SupplierID")
        parser.add_argument("--name", required=True)
        parser.add_argument("--enterprise-number", default="")
        parser.add_argument("--environment", choices=[e.value for e in Environment], default=Environment.TEST)
        parser.add_argument("--label", default="", help="a label for the key")
        parser.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        actor = Actor.system("cli")
        try:
            partner, created = partner_get_or_create(
                supplier_id=options["supplier_id"],
                name=options["name"],
                enterprise_number=options["enterprise_number"],
                actor=actor,
            )
            issued = api_key_create(
                partner=partner,
                environment=Environment(options["environment"]),
                label=options["label"],
                actor=actor,
                replace_oldest=True,
            )
        except (PartnerError, ApiKeyError) as exc:
            raise CommandError(f"{exc} ({exc.code})") from exc
        for revoked in issued.revoked:
            self.stderr.write(f"revoked the oldest active key {revoked.prefix}… to stay within two active keys")
        if options["json"]:
            self.stdout.write(json.dumps({"supplierId": partner.supplier_id, "apiKey": issued.plaintext}))
        else:
            verb = "Created" if created else "Reused"
            self.stdout.write(
                f"{verb} partner {partner.supplier_id}.\n"
                f"API key ({options['environment']}, shown once): {issued.plaintext}"
            )
