"""The store database in the window (issue 19): the status bar's "store server offline: N sales waiting"."""
