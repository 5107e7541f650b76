"""The rule sets; importing this package registers them all."""

from werkpost.quality.rules import content, discrimination, language, salary, title, workplace  # noqa: F401
