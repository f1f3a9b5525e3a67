"""The structure pass: from a reader's `Layout` to a `ParsedDocument`."""
