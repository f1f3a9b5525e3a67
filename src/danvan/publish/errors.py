"""The one exception the writer raises; its message is Vietnamese and shown to users as is."""


class PublishError(Exception):
    """A document cannot be written (bad input, missing LibreOffice, conversion failed)."""
