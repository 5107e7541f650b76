from django.apps import AppConfig


class VacanciesConfig(AppConfig):
    name = "werkpost.vacancies"
    label = "vacancies"
    verbose_name = "vacancies"

    def ready(self) -> None:
        # Every module that registers message types is loaded at startup, so the catalogue
        # (help pages, docs/messages.md) is complete whatever a process imported first.
        from werkpost.vacancies import batches, messages  # noqa: F401
        from werkpost.vacancies.hrxml import parse_hrxml
        from werkpost.vacancies.parsing import register_parser

        register_parser(("application/xml", "text/xml"), parse_hrxml)
