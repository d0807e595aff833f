"""Kazakh format module: the strings render as Kazakh writes dates and numbers (pure, no database)."""

import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime
from pathlib import Path

from django.utils import dateformat

from senim.core.formats.kk import formats as kk

REPO_ROOT = Path(__file__).resolve().parents[3]


def test_short_date_renders_day_month_year_with_dots():
    assert dateformat.format(date(2025, 10, 8), kk.SHORT_DATE_FORMAT) == "08.10.2025"


def test_short_datetime_renders_24_hour_time():
    moment = datetime(2025, 10, 8, 9, 5, tzinfo=UTC)  # aware, so no TIME_ZONE setting is read
    assert dateformat.format(moment, kk.SHORT_DATETIME_FORMAT) == "08.10.2025 09:05"


def test_input_formats_parse_what_the_short_formats_print():
    assert datetime.strptime("08.10.2025", kk.DATE_INPUT_FORMATS[0]).date() == date(2025, 10, 8)
    assert datetime.strptime("08.10.2025 09:05", "%d.%m.%Y %H:%M") == datetime(2025, 10, 8, 9, 5)
    assert "%d.%m.%Y %H:%M" in kk.DATETIME_INPUT_FORMATS


def test_numbers_use_comma_decimals_and_non_breaking_space_thousands():
    assert (kk.DECIMAL_SEPARATOR, kk.THOUSAND_SEPARATOR, kk.NUMBER_GROUPING) == (",", "\xa0", 3)
    assert kk.FIRST_DAY_OF_WEEK == 1


def test_long_formats_render_kazakh_month_names_from_djangos_catalogue():
    """Year first, day, month name: '2025 жылғы 8 қазан' (month case depends on the project catalogue)."""
    # Month names need gettext and configured settings: render in a child process so this one stays pure.
    script = textwrap.dedent(
        """
        from datetime import date
        import django
        from django.conf import settings
        settings.configure(USE_I18N=True, INSTALLED_APPS=[], FORMAT_MODULE_PATH=["senim.core.formats"])
        django.setup()
        from django.utils import formats, translation
        with translation.override("kk"):
            day = date(2025, 10, 8)
            for name in ("DATE_FORMAT", "YEAR_MONTH_FORMAT", "MONTH_DAY_FORMAT"):
                print(formats.date_format(day, name))
            print(formats.number_format(1234567.5, decimal_pos=1, use_l10n=True, force_grouping=True))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, check=True, timeout=60
    )
    long_date, year_month, month_day, number = result.stdout.splitlines()
    assert long_date.casefold() == "2025 жылғы 8 қазан"
    assert year_month.casefold() == "2025 жылғы қазан"
    assert month_day.casefold() == "8 қазан"
    assert number == "1\xa0234\xa0567,5"
