from django.apps import AppConfig


class VacanciesConfig(AppConfig):
    name = "werkpost.vacancies"
    label = "vacancies"
    verbose_name = "vacancies"

    def ready(self) -> None:
        # Every module that registers message types is loaded at startup, so the catalogue
        # (help pages, docs/messages.md) is complete whatever a process imported first; the
        # input formats register their parsers and batch formats when imported.
        from werkpost.vacancies import hrxml, jsonlines, messages  # noqa: F401
        from werkpost.vacancies.services import batches  # noqa: F401
