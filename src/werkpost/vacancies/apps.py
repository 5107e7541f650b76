from django.apps import AppConfig


class VacanciesConfig(AppConfig):
    name = "werkpost.vacancies"
    label = "vacancies"
    verbose_name = "vacancies"

    def ready(self) -> None:
        from werkpost.vacancies.hrxml import parse_hrxml
        from werkpost.vacancies.parsing import register_parser

        register_parser(("application/xml", "text/xml"), parse_hrxml)
