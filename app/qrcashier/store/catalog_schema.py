"""The store's catalog in PostgreSQL (issue 19 item 4): the `catalog` migration's SQL.

    catalog_products       one row per product code (case-insensitive), never removed: a delete
                           sets `deleted_at` (a soft delete), so registers learn of it by version
    catalog_version        the sequence behind `version`: every insert or change of a row gives
                           it the next number, so "what changed since N" is `version > N`
    catalog_meta           the catalog's identity (a uuid): a register pointed at another store,
                           or at a store rebuilt from scratch, starts its copy again
    catalog_price_changes  who changed which price from a register, and when

Commit order is version order. A trigger stamps each row with `nextval('catalog_version')`
after taking a transaction-level advisory lock, held until commit, so two writers never
interleave their numbers: a follower that has seen version N has seen every change numbered
below N (without the lock, a slow import holding version 10 could commit after a price change
numbered 11, and a follower that had already moved past 11 would miss 10 for good).

Rows are never removed (a trigger refuses DELETE and TRUNCATE): a removal no follower could
see would leave the product on every register. A statement-level trigger sends
`NOTIFY qrcashier_catalog` (delivered at commit, one per transaction): followers wake at once
instead of waiting for their next poll.

Rights: every register (the `qrcashier_register` group) may READ the catalog. No register may
write it directly; a register whose role is also in `qrcashier_pricing` (`qrcashier-admin
catalog allow-prices --register NAME`) may call `catalog_set_price(code, price, actor)`, a
SECURITY DEFINER function that changes only the price of a live product and records the change
with the register's name and the supervisor who authorised it. Imports and deletes are the
owner's (`qrcashier-admin catalog import|delete --store DSN`).
"""

from __future__ import annotations

PRICING_GROUP = "qrcashier_pricing"
CATALOG_LOCK_KEY = 0x51524343  # "QRCC": writers of the catalog take turns (see above)
NOTIFY_CHANNEL = "qrcashier_catalog"

_TABLES = f"""
CREATE SEQUENCE catalog_version AS bigint;
CREATE TABLE catalog_meta (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    catalog_id uuid NOT NULL DEFAULT gen_random_uuid(),
    created_at timestamptz NOT NULL DEFAULT now());
INSERT INTO catalog_meta DEFAULT VALUES;
CREATE TABLE catalog_products (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL CHECK (code <> ''),
    barcode text,
    name text NOT NULL,
    price numeric NOT NULL CHECK (price >= 0),
    unit text NOT NULL DEFAULT 'unit',
    vat_rate numeric,
    deleted_at timestamptz,
    version bigint NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text NOT NULL DEFAULT '');
CREATE UNIQUE INDEX catalog_products_code ON catalog_products (lower(code));
CREATE UNIQUE INDEX catalog_products_barcode ON catalog_products (barcode) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX catalog_products_version ON catalog_products (version);
CREATE TABLE catalog_price_changes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL, old_price numeric NOT NULL, new_price numeric NOT NULL,
    register text, actor text NOT NULL DEFAULT '', version bigint NOT NULL,
    at timestamptz NOT NULL DEFAULT now());

CREATE FUNCTION catalog_stamp() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM pg_advisory_xact_lock({CATALOG_LOCK_KEY});
    NEW.version := nextval('catalog_version');
    NEW.updated_at := now();
    NEW.updated_by := session_user;
    RETURN NEW;
END $$;
CREATE TRIGGER catalog_stamp BEFORE INSERT OR UPDATE ON catalog_products
    FOR EACH ROW EXECUTE FUNCTION catalog_stamp();
CREATE FUNCTION catalog_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{NOTIFY_CHANNEL}', '');
    RETURN NULL;
END $$;
CREATE TRIGGER catalog_notify AFTER INSERT OR UPDATE ON catalog_products
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_notify();

CREATE FUNCTION catalog_keep_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'catalog products are deleted by setting deleted_at (qrcashier-admin catalog delete), '
        'so that every register learns of it' USING ERRCODE = '55000';
END $$;
CREATE TRIGGER catalog_keep_rows BEFORE DELETE ON catalog_products
    FOR EACH ROW EXECUTE FUNCTION catalog_keep_rows();
CREATE TRIGGER catalog_keep_rows_truncate BEFORE TRUNCATE ON catalog_products
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_keep_rows();

CREATE FUNCTION catalog_set_price(p_code text, p_price numeric, p_actor text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    old numeric;
    product text;
    stamped bigint;
BEGIN
    IF p_price IS NULL OR p_price < 0 THEN
        RAISE EXCEPTION 'a price is zero or more, not %', p_price USING ERRCODE = '22023';
    END IF;
    SELECT price, code INTO old, product FROM catalog_products
        WHERE lower(code) = lower(p_code) AND deleted_at IS NULL FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no product %', p_code USING ERRCODE = 'P0002';
    END IF;
    UPDATE catalog_products SET price = p_price
        WHERE lower(code) = lower(p_code) AND deleted_at IS NULL RETURNING version INTO stamped;
    INSERT INTO catalog_price_changes (code, old_price, new_price, register, actor, version)
        VALUES (product, old, p_price, (SELECT name FROM registers WHERE role_name = session_user),
                coalesce(p_actor, ''), stamped);
    RETURN stamped;
END $$;
"""


def migration() -> str:
    """The `catalog` migration: tables, triggers, the price function and the register rights."""
    from qrcashier.store.schema import REGISTER_GROUP, create_group_role

    grants = [
        create_group_role(PRICING_GROUP),
        f"GRANT SELECT ON catalog_products, catalog_meta, catalog_price_changes TO {REGISTER_GROUP}",
        "REVOKE ALL ON FUNCTION catalog_set_price(text, numeric, text) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION catalog_set_price(text, numeric, text) TO {PRICING_GROUP}",
    ]
    return _TABLES + ";\n".join(grants)
