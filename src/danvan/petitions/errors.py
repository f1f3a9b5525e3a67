class PetitionError(ValueError):
    """A write refused, with a Vietnamese message; nothing was changed."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
