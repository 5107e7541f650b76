"""factory-boy factories for the models tests need to create directly."""

from __future__ import annotations

from typing import Any

import factory

from werkpost.core import clock
from werkpost.partners.models import Partner


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    supplier_id = factory.Sequence(lambda n: f"SUPPLIER-{n:04d}")
    name = factory.Sequence(lambda n: f"Partner {n}")
    enterprise_number = "0403170701"
    created_at = factory.LazyFunction(clock.now)


class OrganisationFactory(PartnerFactory):
    """A partner with everything the agreement names (address, representative, contact)."""

    street_address = "Keizerslaan 1"
    postal_code = "9000"
    municipality = "Gent"
    representative = "An Peeters"
    technical_contact_email = factory.Sequence(lambda n: f"tech{n}@partner.example")


class AccessTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accounts.AccessType"
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"access-type-{n}")
    name_nl = factory.Sequence(lambda n: f"Toegang {n}")
    name_en = factory.Sequence(lambda n: f"Access {n}")


class UserFactory(factory.Factory):
    """An extranet user made through `user_create` (profile and allauth e-mail address included)."""

    class Meta:
        model = dict  # built by the service, not by the factory

    email = factory.Sequence(lambda n: f"user{n}@partner.example")
    password = "correct horse battery staple"
    language = "nl"
    organisation = None
    is_org_admin = False
    is_staff = False
    email_verified = True

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Any:
        from werkpost.accounts.services import user_create
        from werkpost.core.audit import Actor

        return user_create(actor=Actor.system("tests"), **kwargs)
