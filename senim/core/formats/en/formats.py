"""English date and number formats for readers in Kazakhstan and Uzbekistan: day first, 24-hour clock.

Django's own ``en`` module is American ("12/05/2026 4:48 a.m."), which reads as 12 May here; compliance
reports in the region write "5 December 2026" and "05.12.2026 04:48" in English too.
"""

DATE_FORMAT = "j F Y"  # '8 October 2025'
TIME_FORMAT = "H:i"  # '09:05'
DATETIME_FORMAT = "j F Y, H:i"  # '8 October 2025, 09:05'
YEAR_MONTH_FORMAT = "F Y"  # 'October 2025'
MONTH_DAY_FORMAT = "j F"  # '8 October'
SHORT_DATE_FORMAT = "d.m.Y"  # '08.10.2025'
SHORT_DATETIME_FORMAT = "d.m.Y H:i"  # '08.10.2025 09:05'
FIRST_DAY_OF_WEEK = 1  # Monday

# Django adds the ISO formats ('2025-10-08') to these by itself.
DATE_INPUT_FORMATS = [
    "%d.%m.%Y",  # '08.10.2025'
    "%d/%m/%Y",  # '08/10/2025'
    "%d.%m.%y",  # '08.10.25'
]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",  # '08.10.2025 14:30:59'
    "%d.%m.%Y %H:%M",  # '08.10.2025 14:30'
    "%d/%m/%Y %H:%M",  # '08/10/2025 14:30'
]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = "\xa0"  # a no-break space, as the region's reports group digits: '3 104'
NUMBER_GROUPING = 3
