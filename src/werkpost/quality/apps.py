from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "werkpost.quality"
    label = "quality"
    verbose_name = "quality rules"

    def ready(self) -> None:
        # The rule modules register themselves; the engine plugs into the vacancy pipeline.
        from werkpost.quality import engine, rules  # noqa: F401
        from werkpost.vacancies.validation import register_check, register_scorer

        register_check(engine.run_rules)
        register_scorer(engine.quality_score)
