"""X and Z shift reports, Qt-free: the typed model parsed from `build_shift_report`'s dict
(`model`), and its renderers: JSON and CSV (`tabular`), fixed-column text for a receipt printer
or the screen (`text`), and PDF (`pdf`, on the small writer in `pdf_writer`). Imports only the
domain, so the back-office command runs without Qt and the window reuses the same renderers."""
