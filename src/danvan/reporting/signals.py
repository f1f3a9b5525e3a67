"""Signals the reporting cycle sends; registers listen (the cycle never imports them)."""

from django.dispatch import Signal

# Sent inside the accepting transaction, after the acceptance revision is written, with
# `submission`, `revision` and `actor`. A listener that raises rolls the acceptance back.
submission_accepted = Signal()
