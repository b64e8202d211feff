"""The store database: many registers, one PostgreSQL (issue 19).

Qt-free. psycopg is imported only inside the functions that talk to PostgreSQL, so a register
started without `--store` never loads it.

    schema    versioned migrations of the store's PostgreSQL schema (`store init`, safe twice)
    roles     a register's own login role, row-level security keeping it to its own rows
    dsn       the DSN or libpq service name, its password from the keyring, never printed
    outbox    the journal's outbox: switching it on, reading what is waiting
    payloads  the journal rows the outbox names, as upserts keyed by register and stable ids
    sender    the background thread that drains the outbox, in order, with backoff
    report    the store's day across registers (`store report`)
    catalog_schema  the one catalog: versioned products, soft deletes, NOTIFY, the price function
    catalog_store   its back office (`catalog import|delete --store`) and what followers query
    catalog_apply   a register's local SQLite copy: a batch of changes in one transaction
    catalog_sync    the follower keeping that copy up to date (LISTEN/NOTIFY + version)
    access    the register's one address for all of it; a supervisor's price change and the store
              report in the app, off the loop with timeouts
"""
