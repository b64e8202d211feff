"""The store database's schema: named, ordered migrations applied by `store init`.

`store_schema` records each applied migration by name; `init_store` takes an advisory lock,
applies the missing ones in order (each in its own transaction) and returns the names applied,
so running it twice (or on two machines at once) changes nothing the second time. Append only.

Registers write through their own login role, a member of `qrcashier_register`, and row-level
security lets a register insert only rows of its own register (the `registers` table maps roles
to register names), update only its own shifts and refunds (a shift closes, a refund settles)
and never update or delete a sale, a tender, a payment, a cash movement or an audit row. Every
register may read the whole store (a supervisor sees the store's day on any register).
"""

from __future__ import annotations

from typing import Any

REGISTER_GROUP = "qrcashier_register"
LOCK_KEY = 0x51524353  # "QRCS": one init at a time
INSERT_ONLY = ("sales", "tenders", "payments", "movements", "audit")
UPDATABLE = ("shifts", "refunds")
LEDGER = (*INSERT_ONLY, *UPDATABLE)

_V1_TABLES = """
CREATE TABLE registers (
    name text PRIMARY KEY,
    role_name name NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION store_register() RETURNS text LANGUAGE sql STABLE
    AS $$ SELECT name FROM registers WHERE role_name = current_user $$;
CREATE TABLE shifts (
    register text NOT NULL, number integer NOT NULL,
    opened_at timestamptz NOT NULL, opened_by text NOT NULL DEFAULT '', float numeric NOT NULL,
    closed_at timestamptz, closed_by text, counted numeric, expected numeric, difference numeric,
    authorized_by text, reason text NOT NULL DEFAULT '',
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (register, number));
CREATE TABLE sales (
    register text NOT NULL, code text NOT NULL,
    receipt_no integer, shift_number integer, site text NOT NULL, currency text NOT NULL,
    total numeric NOT NULL, created_at timestamptz NOT NULL, paid_at timestamptz NOT NULL,
    lines jsonb NOT NULL DEFAULT '[]',
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (register, code));
CREATE INDEX sales_paid_at ON sales (paid_at);
CREATE TABLE tenders (
    register text NOT NULL, sale_code text NOT NULL, position integer NOT NULL,
    kind text NOT NULL, amount numeric NOT NULL, received numeric, change numeric,
    attempt integer, reference text,
    PRIMARY KEY (register, sale_code, position));
CREATE TABLE payments (
    register text NOT NULL, mp_payment_id bigint NOT NULL, sale_code text NOT NULL, attempt integer NOT NULL,
    merchant_order_id bigint, amount numeric NOT NULL, status text NOT NULL,
    PRIMARY KEY (register, mp_payment_id));
CREATE TABLE refunds (
    register text NOT NULL, refund_id integer NOT NULL, mp_payment_id bigint NOT NULL, sale_code text NOT NULL,
    amount numeric NOT NULL, full_refund boolean NOT NULL, state text NOT NULL,
    supervisor text NOT NULL, reason text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,
    PRIMARY KEY (register, refund_id));
CREATE TABLE movements (
    register text NOT NULL, movement_id integer NOT NULL, shift_number integer NOT NULL,
    kind text NOT NULL CHECK (kind IN ('in', 'out', 'refund')), amount numeric NOT NULL, reason text NOT NULL,
    at timestamptz NOT NULL, actor text NOT NULL DEFAULT '', authorized_by text, sale_code text,
    PRIMARY KEY (register, movement_id));
CREATE TABLE audit (
    register text NOT NULL, audit_id integer NOT NULL, at timestamptz NOT NULL, actor text NOT NULL,
    action text NOT NULL, sale_code text, reason text NOT NULL DEFAULT '', details jsonb,
    PRIMARY KEY (register, audit_id));
"""


def create_group_role(group: str) -> str:
    """The statement that creates the NOLOGIN group role `group` unless the cluster has it (roles
    are cluster-wide: another store database may have made it)."""
    return f"""DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') THEN
                CREATE ROLE {group} NOLOGIN;
            END IF; END $$"""


def _v1_security() -> str:
    stmts = [
        create_group_role(REGISTER_GROUP),
        f"GRANT SELECT ON registers TO {REGISTER_GROUP}",
        f"GRANT EXECUTE ON FUNCTION store_register() TO {REGISTER_GROUP}",
    ]
    for table in LEDGER:
        rights = "SELECT, INSERT" + (", UPDATE" if table in UPDATABLE else "")
        stmts += [
            f"GRANT {rights} ON {table} TO {REGISTER_GROUP}",
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"CREATE POLICY read_store ON {table} FOR SELECT USING (true)",
            f"CREATE POLICY insert_own ON {table} FOR INSERT WITH CHECK (register = store_register())",
        ]
        if table in UPDATABLE:
            stmts.append(f"CREATE POLICY update_own ON {table} FOR UPDATE USING (register = store_register())"
                         " WITH CHECK (register = store_register())")
    return ";\n".join(stmts)


def _catalog() -> str:
    from qrcashier.store.catalog_schema import migration

    return migration()


def _invoices() -> str:
    """Argentina's ARCA invoices and credit notes (issue 21), one row per journal invoice: a
    register inserts its own and updates them as ARCA authorizes them (store/invoice_payloads.py)."""
    return ";\n".join([
        """CREATE TABLE invoices (
            register text NOT NULL, invoice_id integer NOT NULL, sale_code text NOT NULL,
            kind text NOT NULL CHECK (kind IN ('invoice', 'credit_note')), doc_type integer NOT NULL,
            point_of_sale integer NOT NULL, number integer, cae text, cae_due date, issued date NOT NULL,
            total numeric NOT NULL, net numeric NOT NULL, vat numeric NOT NULL, vat_lines jsonb NOT NULL DEFAULT '[]',
            status text NOT NULL, related_invoice_id integer, updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (register, invoice_id))""",
        "CREATE INDEX invoices_issued ON invoices (issued)",
        f"GRANT SELECT, INSERT, UPDATE ON invoices TO {REGISTER_GROUP}",
        "ALTER TABLE invoices ENABLE ROW LEVEL SECURITY",
        "CREATE POLICY read_store ON invoices FOR SELECT USING (true)",
        "CREATE POLICY insert_own ON invoices FOR INSERT WITH CHECK (register = store_register())",
        "CREATE POLICY update_own ON invoices FOR UPDATE USING (register = store_register())"
        " WITH CHECK (register = store_register())",
    ])


# (name, SQL). Append only: a migration's name is its identity in store_schema.
MIGRATIONS: tuple[tuple[str, Any], ...] = (
    ("ledger", _V1_TABLES),
    ("register_security", _v1_security),
    ("catalog", _catalog),  # issue 19 item 4: one catalog, versioned, read by every register (catalog_schema.py)
    ("invoices", _invoices),  # issue 21: the registers' ARCA invoices, for the store report
)


def _sql(body: Any) -> str:
    return body() if callable(body) else body


def applied(conn: Any) -> list[str]:
    """The migrations already applied to this database, in order ([] on an empty one)."""
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass('store_schema') IS NOT NULL")
        if not cur.fetchone()[0]:
            return []
        cur.execute("SELECT name FROM store_schema ORDER BY version")
        return [r[0] for r in cur.fetchall()]


def init_store(conn: Any) -> list[str]:
    """Create or migrate the schema on `conn` (a psycopg connection as the store's owner, which
    may create roles). Returns the names of the migrations applied now; [] if it was current."""
    done: list[str] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
        conn.execute("CREATE TABLE IF NOT EXISTS store_schema (version integer PRIMARY KEY, name text NOT NULL UNIQUE,"
                     " applied_at timestamptz NOT NULL DEFAULT now())")
    for version, (name, body) in enumerate(MIGRATIONS, start=1):
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
            if name in applied(conn):
                continue
            with conn.cursor() as cur:
                cur.execute(_sql(body))
                cur.execute("INSERT INTO store_schema (version, name) VALUES (%s, %s)", (version, name))
            done.append(name)
    return done


def schema_version(conn: Any) -> int:
    return len(applied(conn))
