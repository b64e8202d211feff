"""A register's own database role (`store add-register`): LOGIN, a member of the register
group, mapped to its register name in `registers`; the rights are the group's (schema.py)."""

from __future__ import annotations

import re
import secrets
from typing import Any

from qrcashier.store.schema import REGISTER_GROUP

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")


class RegisterNameError(ValueError):
    pass


def role_name(register: str) -> str:
    """qrc_<register, lower case, '-' as '_'>: a plain identifier, never quoted wrongly."""
    if not _NAME.fullmatch(register):
        raise RegisterNameError(
            f"{register!r} is not a register name: use up to 40 letters, digits, '-' or '_', starting with a letter "
            "or digit."
        )
    return "qrc_" + register.lower().replace("-", "_")


def new_password() -> str:
    return secrets.token_urlsafe(24)


def add_register(conn: Any, register: str, password: str) -> bool:
    """Create (or, run again, re-key) the register's login role. True when it is new."""
    from psycopg import sql

    role = role_name(register)
    with conn.transaction():
        row = conn.execute("SELECT name FROM registers WHERE role_name = %s", (role,)).fetchone()
        if row is not None and row[0] != register:
            raise RegisterNameError(f"The role {role} already belongs to register {row[0]}.")
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone() is not None
        verb = "ALTER" if exists else "CREATE"
        conn.execute(sql.SQL(verb + " ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD {}").format(
            sql.Identifier(role), sql.Literal(password)))
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(REGISTER_GROUP), sql.Identifier(role)))
        conn.execute("INSERT INTO registers (name, role_name) VALUES (%s, %s) ON CONFLICT (name) DO NOTHING",
                     (register, role))
    return row is None


def registers(conn: Any) -> list[tuple[str, str]]:
    return [tuple(r) for r in conn.execute("SELECT name, role_name FROM registers ORDER BY name").fetchall()]


def allow_price_changes(conn: Any, register: str, allow: bool = True) -> None:
    """Let (or stop letting) a register's role change prices in the store's catalog: membership
    of the pricing group, whose only right is `catalog_set_price` (catalog_schema.py). The app
    asks for the supervisor's PIN before it calls it; the database records who did it."""
    from psycopg import sql

    from qrcashier.store.catalog_schema import PRICING_GROUP

    role = role_name(register)
    with conn.transaction():
        if conn.execute("SELECT 1 FROM registers WHERE name = %s", (register,)).fetchone() is None:
            raise RegisterNameError(f"There is no register {register} in this store (store add-register first).")
        verb = "GRANT {} TO {}" if allow else "REVOKE {} FROM {}"
        conn.execute(sql.SQL(verb).format(sql.Identifier(PRICING_GROUP), sql.Identifier(role)))
