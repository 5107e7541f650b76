"""factory-boy factories for the models tests need to create directly."""

from __future__ import annotations

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
