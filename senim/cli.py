"""The `senim` command: Django's management commands with Senim's own first.

senim demo [--no-serve]        build (once) and serve the demo group
senim serve                    run the web application
senim worker                   run background tasks
senim import employees FILE    import employees (also: units, positions)
senim indicators --year 2025   indicator values, with the previous year
senim audit verify             check the audit chain
senim createadmin              create an administrator
"""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senim.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    args[0] = "senim"
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")  # `senim rotate-master-key` runs rotate_master_key
    execute_from_command_line(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
