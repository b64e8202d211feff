"""The sandbox's demo token: one definition, importable from the package, a well-formed MLA token."""

from __future__ import annotations

from qrcashier.domain.money import SITES
from qrcashier.sandbox import DEMO_TOKEN
from qrcashier.sandbox.accounts import token_site, well_formed


def test_the_demo_token_is_a_well_formed_argentine_sandbox_token():
    assert well_formed(DEMO_TOKEN) and DEMO_TOKEN.startswith("SANDBOX-")
    assert token_site(DEMO_TOKEN, SITES["MLB"]) is SITES["MLA"]
