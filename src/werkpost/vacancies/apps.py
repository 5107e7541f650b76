from django.apps import AppConfig


class VacanciesConfig(AppConfig):
    name = "werkpost.vacancies"
    label = "vacancies"
    verbose_name = "vacancies"
