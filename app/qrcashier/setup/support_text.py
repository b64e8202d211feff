"""What support needs to know about this register, as text to copy (Settings' support page).

Never a secret: the token appears only as where it is kept, the PIN only as set or not set.
"""

from __future__ import annotations

import platform
import sys
from typing import Any

from qrcashier.settings import AppSettings


def support_text(settings: AppSettings, tokens: Any = None, extra: dict[str, str] | None = None) -> str:
    """What support needs to know about this register, as text to copy. Never a secret:
    the token appears only as where it is kept, the PIN only as set or not set."""
    from importlib.metadata import PackageNotFoundError, version

    def ver(dist: str) -> str:
        try:
            return version(dist)
        except PackageNotFoundError:
            return "?"

    lines = [
        f"QR Cashier {ver('qrcashier')} · Python {platform.python_version()} · PySide6 {ver('PySide6-Essentials')}"
        f" · {platform.system()} {platform.release()} ({sys.platform})",
        f"settings file: {settings.file_name}",
        f"mode: {settings.mode.value if settings.mode else 'not set up'} · site {settings.site}"
        f" · API {settings.api_generation} ({settings.qr_mode} QR)",
        f"account: user {settings.user_id or '-'} {settings.nickname}"
        + (" (TEST account)" if settings.test_account else ""),
        f"store: {settings.store_name or '-'} · external id {settings.store_external_id or '-'}"
        f" · id {settings.store_id or '-'}",
        f"register: {settings.register_name or '-'} · POS external id {settings.pos_external_id or '-'}"
        f" · POS id {settings.pos_id or '-'} · register id {settings.register_id}",
        f"receipt printer: {settings.printer or 'none (receipts on screen)'} · language {settings.language}",
        (f"self-service: on · contract {settings.unattended_contract} · endpoint "
         f"{settings.endpoint_host}:{settings.endpoint_port} · public URL {settings.endpoint_public_url or '-'}")
        if settings.self_service else "self-service: off (attended register)",
        f"supervisor PIN: {'set' if settings.pin_hash else 'NOT SET'}",
    ]
    if tokens is not None:
        lines.append(tokens.describe())
    for key, value in (extra or {}).items():
        lines.append(f"{key}: {value}")
    text = "\n".join(lines)
    if tokens is not None:  # belt and braces: whatever a line above was built from
        try:
            token = tokens.get()
        except Exception:  # a locked store: nothing to redact that could have been read
            token = None
        if token is not None:
            text = token.redact(text)
    return text
