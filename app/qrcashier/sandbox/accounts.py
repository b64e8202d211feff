"""Seller accounts, one per access token, created on the token's first use.

A token is well formed when it has the app's token shape (`mercadopago.secret.looks_like_token`:
`APP_USR-`, `TEST-` or `SANDBOX-` and at least four more characters, nothing around it). Its
site is the first dash-separated segment that names a site (`SANDBOX-MLB-cashier1` is in
Brazil), else the server's default site. The user id, nickname and phone code are derived
from a hash of the token, so a restarted sandbox gives the same token the same account id.
The token itself is never stored: state is keyed by its SHA-256.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from qrcashier.domain.money import SITES, Site
from qrcashier.mercadopago.secret import looks_like_token

# The embedded sandbox's demo seller (Argentina): the one definition; the app's setup imports it.
DEMO_TOKEN = "SANDBOX-MLA-demo"

def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def well_formed(token: str) -> bool:
    return token == token.strip() and looks_like_token(token)


def token_site(token: str, default: Site) -> Site:
    for segment in token.split("-")[1:]:
        if segment.upper() in SITES:
            return SITES[segment.upper()]
    return default


@dataclass
class Account:
    id: int
    token_hash: str
    site: Site
    nickname: str
    email: str
    first_name: str
    last_name: str
    is_test: bool
    phone_code: str  # opens the phone page for this account without putting the token in a URL
    qr_enabled: bool = True
    revoked: bool = False
    # The domains Mercado Pago enabled for POS urls (unattended model); None: any (the sandbox's
    # default, so self-service runs without a commercial step). api §5.2: otherwise 403.
    url_domains: frozenset[str] | None = None

    @property
    def merchant_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def new_account(token: str, default_site: Site) -> Account:
    """The account a well-formed token stands for (the same one on every run)."""
    digest = hashlib.sha256(b"user:" + token.encode("utf-8")).digest()
    user_id = 1_000_000_000 + int.from_bytes(digest[:8], "big") % 8_999_999_999
    phone_code = hashlib.sha256(b"phone:" + token.encode("utf-8")).hexdigest()[:12]
    prefix = token.split("-", 1)[0]
    return Account(
        id=user_id,
        token_hash=token_hash(token),
        site=token_site(token, default_site),
        nickname=f"SANDBOXSELLER{user_id % 100000:05d}",
        email=f"test_user_{user_id}@testuser.com",
        first_name="Sandbox",
        last_name=f"Seller {user_id % 100000:05d}",
        # APP_USR- stands for a production credential; TEST- and SANDBOX- for test users.
        is_test=prefix != "APP_USR",
        phone_code=phone_code,
    )
