"""Danvan — the information system for công tác dân vận."""
