class TokenError(Exception):
    """A refused token operation; `message` is Vietnamese and shown as is."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class TokenNotFound(TokenError):
    pass


class InvalidToken(Exception):
    """The bearer token sent with a request is unknown, expired or revoked (HTTP 401)."""

    message = "Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi."
