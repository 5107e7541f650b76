"""allauth adapter: accounts are made by PES staff (and later organisation administrators)."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Access follows an agreement with the PES: nobody signs up on their own.
        return False
