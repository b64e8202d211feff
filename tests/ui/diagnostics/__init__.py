"""Diagnostics report and support bundle."""
