"""What the setup pages decided, before it is written (no widgets)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qrcashier.mercadopago.secret import AccessToken
from qrcashier.settings import DEFAULT_ENDPOINT_HOST, DEFAULT_ENDPOINT_PORT, AppSettings, Mode


@dataclass(frozen=True)
class TokenCheck:
    ok: bool
    kind: str  # ok | unauthorized | forbidden | not_found | unreachable | timeout | public_key | invalid | error
    message: str
    user: Any = None  # mercadopago.models.User
    stores: tuple[Any, ...] = ()
    is_test: bool = False




@dataclass
class SetupState:
    """What the pages decided, before it is written (Finish / Save)."""

    mode: Mode | None = None
    token: AccessToken | None = None  # a newly pasted and checked token, not saved yet
    check: TokenCheck | None = None
    session_only: bool = False
    user: Any = None
    provisioned: Any = None  # provisioning.Provisioned
    store_name: str = ""
    store_external_id: str = ""
    register_name: str = ""
    pos_external_id: str = ""
    printer: str | None = None
    language: str = "en"
    api_generation: str = "instore_v2"
    qr_mode: str = "static"
    pin_hash: str | None = None
    messages: list[str] = field(default_factory=list)
    # self-service (the unattended model)
    self_service: bool = False
    public_url: str = ""
    pos_url: str | None = None  # the url the POS was given (self-service), once provisioned
    unattended_contract: str = "202"
    endpoint_host: str = DEFAULT_ENDPOINT_HOST
    endpoint_port: int = DEFAULT_ENDPOINT_PORT

    @classmethod
    def from_settings(cls, s: AppSettings) -> SetupState:
        return cls(
            mode=s.mode, store_name=s.store_name, store_external_id=s.store_external_id,
            register_name=s.register_name, pos_external_id=s.pos_external_id, printer=s.printer,
            language=s.language, api_generation=s.api_generation, qr_mode=s.qr_mode,
            self_service=s.self_service, public_url=s.endpoint_public_url or "",
            unattended_contract=s.unattended_contract, endpoint_host=s.endpoint_host,
            endpoint_port=s.endpoint_port,
        )
