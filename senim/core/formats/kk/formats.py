"""Kazakh date and number formats, modelled on Django's ru module (Django ships none for kk).

Long dates read "2025 жылғы 8 қазан": year first, then day and month name in the nominative. The month
comes from "E" (gettext context "alt. month"), which Django's kk catalogue fills with capitalised names,
so dates render "2025 жылғы 8 Қазан" until senim/locale/kk translates that context with the lowercase
names Kazakh uses inside a date ("қазан"). "F" keeps the capitalised standalone names for headings.
"""

# The *_FORMAT strings use the Django date format syntax,
# see https://docs.djangoproject.com/en/dev/ref/templates/builtins/#date
# Cyrillic letters are not format characters, so "жылғы" ("of the year") needs no escaping.
DATE_FORMAT = "Y жылғы j E"  # '2025 жылғы 8 қазан'
TIME_FORMAT = "G:i"  # '9:05'
DATETIME_FORMAT = "Y жылғы j E, G:i"  # '2025 жылғы 8 қазан, 9:05'
YEAR_MONTH_FORMAT = "Y жылғы E"  # '2025 жылғы қазан'
MONTH_DAY_FORMAT = "j E"  # '8 қазан'
SHORT_DATE_FORMAT = "d.m.Y"  # '08.10.2025'
SHORT_DATETIME_FORMAT = "d.m.Y H:i"  # '08.10.2025 09:05'
FIRST_DAY_OF_WEEK = 1  # Monday

# The *_INPUT_FORMATS strings use the Python strftime format syntax,
# see https://docs.python.org/library/datetime.html#strftime-strptime-behavior
# Django adds the ISO formats ('2025-10-08') to these by itself.
DATE_INPUT_FORMATS = [
    "%d.%m.%Y",  # '08.10.2025'
    "%d.%m.%y",  # '08.10.25'
]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",  # '08.10.2025 14:30:59'
    "%d.%m.%Y %H:%M:%S.%f",  # '08.10.2025 14:30:59.000200'
    "%d.%m.%Y %H:%M",  # '08.10.2025 14:30'
    "%d.%m.%y %H:%M:%S",  # '08.10.25 14:30:59'
    "%d.%m.%y %H:%M:%S.%f",  # '08.10.25 14:30:59.000200'
    "%d.%m.%y %H:%M",  # '08.10.25 14:30'
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # non-breaking space
NUMBER_GROUPING = 3
