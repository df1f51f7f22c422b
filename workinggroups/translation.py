"""Public texts of the bodies, plans, recommendations and roadmaps, in each interface language (core.languages)."""

from modeltranslation.translator import TranslationOptions, register

# The history tables record the translated columns too (see meetings/translation.py).
from workinggroups.models import (
    Implementation,
    ImplementationReport,
    Pillar,
    Recommendation,
    Reservation,
    Roadmap,
    RoadmapItem,
    Theme,
    WorkingGroup,
    WorkPlan,
    WorkPlanItem,
)


@register([WorkingGroup, WorkingGroup.history.model])
class WorkingGroupTranslation(TranslationOptions):
    fields = ("name", "short_name", "mandate")


@register(WorkPlan)
class WorkPlanTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(WorkPlanItem)
class WorkPlanItemTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Pillar)
class PillarTranslation(TranslationOptions):
    fields = ("name",)


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)


@register([Recommendation, Recommendation.history.model])
class RecommendationTranslation(TranslationOptions):
    fields = ("title", "text")


@register(Reservation)
class ReservationTranslation(TranslationOptions):
    fields = ("text",)


@register([Implementation, Implementation.history.model])
class ImplementationTranslation(TranslationOptions):
    fields = ("note",)


@register(ImplementationReport)
class ImplementationReportTranslation(TranslationOptions):
    fields = ("note",)


@register(Roadmap)
class RoadmapTranslation(TranslationOptions):
    fields = ("title", "description")


@register(RoadmapItem)
class RoadmapItemTranslation(TranslationOptions):
    fields = ("title", "description")
