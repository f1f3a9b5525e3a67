class AccountError(Exception):
    """An account or role change was refused; the message is Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class AccountNotFound(AccountError):
    pass
