"""The setup pages' sentences for the installer, and the checks that pick one (token, self-service url)."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from qrcashier.mercadopago.secret import AccessToken
from qrcashier.settings import Mode
from qrcashier.setup.state import TokenCheck
from qrcashier.ui.shell import errors
from qrcashier.ui.shell.i18n import fmt

translate = QCoreApplication.translate  # lupdate extracts translate("context", "text")


CREDENTIALS_HINT = QT_TRANSLATE_NOOP(
    "setup", "Mercado Pago › Your integrations › your application › Production credentials › Access token"
)
# A public key pasted by mistake: the prefix and a UUID (an access token has digits and dashes instead).
PUBLIC_KEY = re.compile(r"^(APP_USR|TEST)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

# One sentence each, for the installer who pasted the token (not the cashier).
# (English sources; `tr_setup` gives them in the app's language where they are shown.)
TOKEN_MESSAGES = {
    "unauthorized": QT_TRANSLATE_NOOP(
        "setup",
        "Mercado Pago refused this access token (401): it is wrong, revoked or expired, so copy it again "
        "from Your integrations › Credentials.",
    ),
    "forbidden": QT_TRANSLATE_NOOP(
        "setup",
        "The token works but this account may not use in-store QR payments (403): enable QR payments for "
        "the account, or use the token of the account that owns the store.",
    ),
    "not_found": QT_TRANSLATE_NOOP(
        "setup",
        "Mercado Pago does not recognise what was asked with this token (404): check that you copied the "
        "access token, not the public key or the client id.",
    ),
    "unreachable": QT_TRANSLATE_NOOP(
        "setup",
        "Mercado Pago could not be reached: check this computer's internet connection (and any proxy or "
        "firewall), then press Check again.",
    ),
    "timeout": QT_TRANSLATE_NOOP(
        "setup", "Mercado Pago did not answer in time: check the internet connection, then press Check again."
    ),
    "public_key": QT_TRANSLATE_NOOP(
        "setup", "That is a public key, not an access token: copy the Access token from Your integrations › "
            "Credentials."
    ),
    "invalid": QT_TRANSLATE_NOOP("setup", "An access token is one word with no spaces: paste it again."),
}
TEST_ACCOUNT_NOTE = QT_TRANSLATE_NOOP(
    "setup", "This is a TEST account token: payments are simulated, so use it to try QR Cashier, not for real sales."
)
# A self-service register (the POS carries our URL): one sentence each, for the installer.
UNATTENDED_MESSAGES = {
    "missing_url": QT_TRANSLATE_NOOP(
        "setup",
        "Type the public URL Mercado Pago will call for this register: the https address of your reverse proxy.",
    ),
    "invalid_url": QT_TRANSLATE_NOOP(
        "setup",
        "The public URL is not a web address Mercado Pago can call: type it whole, like "
        "https://pay.example.com/mp/unattended, with no spaces.",
    ),
    "https": QT_TRANSLATE_NOOP(
        "setup", "Mercado Pago calls self-service registers over the internet, so the public URL must be an https:// "
            "address."
    ),
    "too_long": QT_TRANSLATE_NOOP(
        "setup", "With this public URL the register's URL would be longer than the 299 characters Mercado Pago allows: "
        "use a shorter one.",
    ),
    "forbidden": QT_TRANSLATE_NOOP(
        "setup",
        "Mercado Pago refused to give the register this URL (403): its domain is not enabled for self-service on "
        "this account, so ask your Mercado Pago contact to enable it.",
    ),
    "rejected_url": QT_TRANSLATE_NOOP(
        "setup",
        "Mercado Pago did not accept this URL for the register (400): check the public URL, then press Check and "
        "create again.",
    ),
    "unreachable": QT_TRANSLATE_NOOP(
        "setup",
        "Mercado Pago could not be reached to set up the self-service register: check this computer's internet "
        "connection, then press Check and create again.",
    ),
    "timeout": QT_TRANSLATE_NOOP(
        "setup",
        "Mercado Pago did not answer in time while setting up the self-service register: check the internet "
        "connection, then press Check and create again.",
    ),
    "api": QT_TRANSLATE_NOOP(
        "setup",
        "A self-service register uses In-store orders v2 with the register's printed QR: choose them under Advanced.",
    ),
}


def tr_setup(text: str) -> str:
    return QCoreApplication.translate("setup", text)


def self_service_pos_url(mode: Mode | None, public_url: str, pos_external_id: str, host: str, port: int) -> str:
    """The `url` a self-service register's POS gets: built on the public URL, or in the
    sandbox (no public URL typed) on the local endpoint. ValueError: one sentence (translated)."""
    from urllib.parse import urlsplit

    from qrcashier.unattended.addresses import check_public_url, local_route, pos_url

    public_url = (public_url or "").strip()
    if not public_url:
        if mode != Mode.SANDBOX:
            raise ValueError(tr_setup(UNATTENDED_MESSAGES["missing_url"]))
        route = local_route(host, port)
    else:
        try:
            check_public_url(public_url)
        except ValueError:
            raise ValueError(tr_setup(UNATTENDED_MESSAGES["invalid_url"])) from None
        if mode != Mode.SANDBOX and urlsplit(public_url).scheme != "https":
            raise ValueError(tr_setup(UNATTENDED_MESSAGES["https"]))
        route = public_url
    try:
        return pos_url(route, pos_external_id)
    except ValueError:
        raise ValueError(tr_setup(UNATTENDED_MESSAGES["too_long"])) from None


def self_service_conflict(api_generation: str, qr_mode: str) -> str | None:
    """Why a self-service register cannot run with this API / QR mode, or None."""
    if api_generation != "instore_v2" or qr_mode != "static":
        return tr_setup(UNATTENDED_MESSAGES["api"])
    return None


def unattended_error(exc: BaseException) -> str | None:
    """One sentence for what went wrong giving a register the self-service URL; None: not
    one of these (the page's usual `errors.report` sentence applies)."""
    from qrcashier.mercadopago import errors as mp

    on_pos = isinstance(exc, mp.MercadoPagoError) and exc.method == "PUT" and exc.path.startswith("/pos/")
    if isinstance(exc, mp.Forbidden) and on_pos:
        return tr_setup(UNATTENDED_MESSAGES["forbidden"])
    if isinstance(exc, mp.BadRequest) and on_pos and "url" in f"{exc.code or ''} {exc.mp_message}".lower():
        return tr_setup(UNATTENDED_MESSAGES["rejected_url"])
    if isinstance(exc, mp.Unreachable):
        return tr_setup(UNATTENDED_MESSAGES["unreachable"])
    if isinstance(exc, mp.Timeout):
        return tr_setup(UNATTENDED_MESSAGES["timeout"])
    return None


# --- checking a token (no widgets) --------------------------------------------------------------


def parse_token(text: str) -> AccessToken | TokenCheck:
    """The pasted text as a token, or a failed TokenCheck saying what is wrong (no network)."""
    text = (text or "").strip()
    if PUBLIC_KEY.match(text):
        return TokenCheck(False, "public_key", tr_setup(TOKEN_MESSAGES["public_key"]))
    try:
        return AccessToken(text)
    except ValueError:
        return TokenCheck(False, "invalid", tr_setup(TOKEN_MESSAGES["invalid"]))


async def check_token(client) -> TokenCheck:
    """GET /users/me, then a store search (which needs the in-store QR permission: 403 there)."""
    from qrcashier.mercadopago import errors as mp

    token = client.http.token
    try:
        user = await client.get_me()
        page = await client.search_stores(user.id, limit=50)
    except mp.Unauthorized:
        return TokenCheck(False, "unauthorized", tr_setup(TOKEN_MESSAGES["unauthorized"]))
    except mp.Forbidden:
        return TokenCheck(False, "forbidden", tr_setup(TOKEN_MESSAGES["forbidden"]))
    except mp.NotFound:
        return TokenCheck(False, "not_found", tr_setup(TOKEN_MESSAGES["not_found"]))
    except mp.Timeout:
        return TokenCheck(False, "timeout", tr_setup(TOKEN_MESSAGES["timeout"]))
    except mp.Unreachable:
        return TokenCheck(False, "unreachable", tr_setup(TOKEN_MESSAGES["unreachable"]))
    except mp.MercadoPagoError as exc:
        return TokenCheck(False, "error", errors.user_message(exc))
    who = user.nickname or fmt(translate("setup", "user %1"), user.id)
    message = fmt(translate("setup", "Connected to %1 (user %2, site %3)."), who, user.id, user.site_id)
    return TokenCheck(True, "ok", message, user, tuple(page.results), token.is_test)


# --- what the pages share -----------------------------------------------------------------------
