"""Time-based one-time passwords (RFC 6238) for two-factor log-in."""

import datetime as dt

import pyotp
import segno

ISSUER = "Senim"


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, account: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=account, issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """An inline SVG QR code of the provisioning URI (no network, no image files)."""
    return segno.make(uri, error="m").svg_inline(scale=4)


def matching_counter(secret: str, code: str, last_counter: int) -> int | None:
    """The time step the code belongs to (±1 step of clock drift), or None.

    A step at or before `last_counter` is refused, so a code cannot be replayed.
    """
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    now_counter = totp.timecode(dt.datetime.now(tz=dt.UTC))
    for counter in (now_counter - 1, now_counter, now_counter + 1):
        if counter > last_counter and pyotp.utils.strings_equal(totp.generate_otp(counter), code):
            return counter
    return None
