"""The addresses of the unattended model: the polling route, the public URL, the POS `url`.

    pos_url("https://pos.example.com/mp/unattended", "PUMP1")  # "...?pos=PUMP1"

Mercado Pago calls the POS `url` exactly as configured, so the register is named in its
own query string. The POS url is a string of fewer than 300 characters (mercadopago-api.md
§5.2, §6). Used by the endpoint, its CLI, the app and the setup wizard alike.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from qrcashier.mercadopago.models import POS_EXTERNAL_ID
from qrcashier.serving import url_host

DEFAULT_PATH = "/mp/unattended"
POS_PARAM = "pos"
MAX_POS_URL = 299


def check_pos_id(external_pos_id: str) -> str:
    if not isinstance(external_pos_id, str) or not POS_EXTERNAL_ID.match(external_pos_id):
        raise ValueError("a POS external id is 1 to 39 letters and digits")
    return external_pos_id


def check_public_url(public_url: str) -> str:
    parts = urlsplit(public_url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.fragment or " " in public_url:
        raise ValueError("the public URL is an http(s) URL without a fragment")
    return public_url


def check_pos_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in url:
        raise ValueError("the POS url is an http(s) URL")
    if len(url) > MAX_POS_URL:
        raise ValueError(f"the POS url has at most {MAX_POS_URL} characters")
    return url


def local_route(host: str, port: int, path: str = DEFAULT_PATH) -> str:
    """The polling route on this computer's listener (what the sandbox, here, can call)."""
    return f"http://{url_host(host)}:{port}{path}"


def pos_url(route: str, external_pos_id: str) -> str:
    """The `url` to give the POS: the route with `?pos=<external_pos_id>` (or `&pos=`)."""
    check_pos_id(external_pos_id)
    sep = "&" if urlsplit(route).query else "?"
    url = f"{route}{sep}{POS_PARAM}={quote(external_pos_id)}"
    if len(url) > MAX_POS_URL:
        raise ValueError(f"the POS url would be {len(url)} characters; Mercado Pago allows {MAX_POS_URL}")
    return url
