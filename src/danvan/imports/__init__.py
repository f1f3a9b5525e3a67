"""Turning a parsed document into a submission: section matching and figure proposals.

The pure modules (`sections`, `figures`) import nothing from Django."""
