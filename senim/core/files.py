"""Files Senim keeps, through Django's storage API: the local disk on one host, an S3-compatible
object store (SENIM_S3_BUCKET) shared by every host. Modules never open paths under the data
directory for what they keep: an upload taken by one host is read by a worker on another.

Each file lives in an *area* (``org/imports``, ``conflicts/scans``) under a random name. A sealed
file is encrypted under the master key (`core.crypto`) before it leaves the process, so neither the
disk nor the object store holds its plain content; sealed files live under ``sealed/``, where
`senim rotate-master-key` finds them to re-encrypt.
"""

import io
import secrets
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse

from senim.core import crypto

SEALED = "sealed"


def _data(content: Any) -> bytes:
    if isinstance(content, bytes | bytearray | memoryview):
        return bytes(content)
    if hasattr(content, "chunks"):
        if hasattr(content, "seek"):
            content.seek(0)
        return b"".join(content.chunks())
    if hasattr(content, "read"):
        return content.read()
    return b"".join(content)


def file_save(area: str, content: bytes | Iterable[bytes] | Any, *, suffix: str = "", sealed: bool = False) -> str:
    """Store `content` (bytes, chunks or an uploaded file) in `area`; return its name in the storage."""
    folder = f"{SEALED}/{area.strip('/')}" if sealed else area.strip("/")
    name = f"{folder}/{secrets.token_urlsafe(18)}{suffix}"
    if not sealed and hasattr(content, "chunks"):
        return default_storage.save(name, cast(Any, content))  # streamed: a list file may be hundreds of MB
    data = _data(content)
    if sealed:
        data = crypto.encrypt(data)
    return default_storage.save(name, ContentFile(data))


def file_read(name: str, *, sealed: bool = False) -> bytes:
    """The content of a stored file (decrypted when sealed). FileNotFoundError if it is gone."""
    if not name or not default_storage.exists(name):
        raise FileNotFoundError(name)
    with default_storage.open(name, "rb") as handle:
        data = handle.read()
    return crypto.decrypt(data) if sealed else data


def file_exists(name: str) -> bool:
    return bool(name) and default_storage.exists(name)


def file_delete(name: str) -> None:
    if name:
        default_storage.delete(name)


@contextmanager
def file_local(name: str, *, sealed: bool = False, suffix: str = "") -> Iterator[Path]:
    """A private local copy of a stored file for readers that need a path (workbooks, documents);
    deleted when the block ends."""
    directory = Path(settings.DATA_DIR) / "tmp"
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=directory, suffix=suffix or Path(name).suffix) as handle:
        if sealed:
            handle.write(file_read(name, sealed=True))
        else:
            if not file_exists(name):
                raise FileNotFoundError(name)
            with default_storage.open(name, "rb") as source:
                for chunk in iter(lambda: source.read(1 << 20), b""):
                    handle.write(chunk)
        handle.flush()
        yield Path(handle.name)


def file_response(name: str, *, sealed: bool = False, filename: str = "file") -> HttpResponse:
    """The stored file as a download; 404 when it is not there."""
    try:
        data = file_read(name, sealed=sealed)
    except FileNotFoundError:
        raise Http404 from None
    return cast(HttpResponse, FileResponse(io.BytesIO(data), as_attachment=True, filename=filename))


def area_sweep(area: str, *, older_than_seconds: int, sealed: bool = False) -> int:
    """Delete the area's files older than the age given (abandoned uploads); return how many."""
    cutoff = time.time() - older_than_seconds
    removed = 0
    for name in _names(f"{SEALED}/{area.strip('/')}" if sealed else area.strip("/"), recursive=False):
        try:
            if default_storage.get_modified_time(name).timestamp() < cutoff:
                default_storage.delete(name)
                removed += 1
        except (FileNotFoundError, NotImplementedError):
            continue
    return removed


def _names(folder: str, *, recursive: bool = True) -> Iterator[str]:
    try:
        folders, names = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for base in names:
        yield f"{folder}/{base}"
    if recursive:
        for sub in folders:
            yield from _names(f"{folder}/{sub}")


def sealed_files_rewrap() -> int:
    """Re-encrypt every sealed file under the newest master key (after a new key is put first)."""
    count = 0
    for name in list(_names(SEALED)):
        with default_storage.open(name, "rb") as handle:
            token = handle.read()
        rewrapped = crypto.reencrypt(token)
        default_storage.delete(name)
        default_storage.save(name, ContentFile(rewrapped))
        count += 1
    return count


crypto.register_rewrap("sealed files", sealed_files_rewrap)
