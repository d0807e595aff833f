from django.utils.translation import gettext_lazy as _

from senim.core.navigation import NavEntry, register
from senim.learning import policy

LEARNING = _("Knowledge and training")

register(NavEntry(LEARNING, _("Knowledge base"), "learning:kb", "help", policy.READ_KB, order=40))
register(NavEntry(LEARNING, _("My tests"), "learning:my-tests", "check", policy.TAKE, order=41))
register(NavEntry(LEARNING, _("My certificates"), "learning:my-certificates", "file", policy.TAKE, order=42))
register(NavEntry(LEARNING, _("Test results"), "learning:results", "chart", policy.VIEW_RESULTS, order=43))
register(NavEntry(LEARNING, _("Test assignments"), "learning:assignments", "bell", policy.VIEW_RESULTS, order=44))
register(NavEntry(LEARNING, _("Training events"), "learning:events", "users", policy.VIEW_RESULTS, order=45))
register(NavEntry(LEARNING, _("Question banks and tests"), "learning:banks", "list", policy.MANAGE, order=46))
register(NavEntry(LEARNING, _("Courses"), "learning:courses", "file", policy.MANAGE, order=46))
register(NavEntry(LEARNING, _("LMS completions"), "learning:completions-import", "upload", policy.MANAGE, order=47))
