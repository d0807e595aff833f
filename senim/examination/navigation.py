from django.utils.translation import gettext_lazy as _

from senim.core.navigation import NavEntry, register
from senim.examination import policy

EXAMINATION = _("Anti-corruption examination")

register(NavEntry(EXAMINATION, _("Drafts"), "examination:list", "file", policy.VIEW, order=60))
