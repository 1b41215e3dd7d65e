"""The hand-written French pages and feeds of ``tests/web/``, copied with a known modification time.

A file's time is the latest publication date a reader accepts; a checkout gives each file the time of the
checkout, so the tests copy the files and set it: 1 December 2023, after every date the pages state but
the one of ``futur.html``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import urllib.request
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parent / "web"
SAVED_AT = dt.datetime(2023, 12, 1, 12, 0, tzinfo=dt.UTC)


def saved(path: Path, when: dt.datetime = SAVED_AT) -> Path:
    """Give ``path`` the modification time ``when``."""
    os.utime(path, (when.timestamp(), when.timestamp()))
    return path


def copy_web(folder: Path, names: list[str] | None = None) -> Path:
    """``folder`` holding the fixtures named (all of them by default), each saved at ``SAVED_AT``."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in sorted(WEB.iterdir()):
        if names is None or source.name in names:
            saved(Path(shutil.copy(source, folder / source.name)))
    return folder


def forbid_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Make every attempt to open a connection or a URL fail loudly; return the attempts seen."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    return attempts
