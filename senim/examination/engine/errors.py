"""Why a file cannot be examined: a stable code the caller turns into a translated message."""


class InputError(Exception):
    """The file cannot be read. `code` is one of CODES; `detail` is for logs, not for users."""

    CODES = ("encrypted", "no_text_layer", "corrupt", "unsupported_type", "too_large", "empty")

    def __init__(self, code: str, detail: str = "") -> None:
        if code not in self.CODES:
            raise ValueError(code)
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
