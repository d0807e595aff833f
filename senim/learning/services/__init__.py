"""Learning's writes: one module per area, re-exported here (`services.article_create`, …)."""

from senim.learning.services.completions import *  # noqa: F403
from senim.learning.services.courses import *  # noqa: F403
from senim.learning.services.events import *  # noqa: F403
from senim.learning.services.knowledge import *  # noqa: F403
from senim.learning.services.testing import *  # noqa: F403
