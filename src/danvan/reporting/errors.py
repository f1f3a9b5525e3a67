class ReportingError(Exception):
    """A rule of the reporting cycle refused the action; `messages` are Vietnamese."""

    def __init__(self, *messages: str):
        super().__init__(" ".join(messages))
        self.messages = list(messages)


class ConcurrentEdit(ReportingError):
    """Someone else saved the submission since this user opened it."""


class NotFound(ReportingError):
    """The request, assignment or revision does not exist."""


class InvalidValues(ReportingError):
    """Input refused field by field: `fields` maps a form key ("code", "code:option",
    "section:key") to the Vietnamese message shown beside it; other messages concern the whole."""

    def __init__(self, fields: dict[str, str], *others: str):
        super().__init__(*fields.values(), *others)
        self.fields = dict(fields)
