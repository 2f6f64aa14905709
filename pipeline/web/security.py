"""Request safety: content addresses checked as hex, a signed per-session CSRF token, the reviewer's name cookie.

The session cookie holds a random token and its HMAC; a POST must send the same token
in its form (or the X-CSRF-Token header), so another site cannot post on a reviewer's behalf.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from urllib.parse import quote, unquote

from fastapi import HTTPException, Request, Response

SESSION_COOKIE = "perfaudit_session"
REVIEWER_COOKIE = "perfaudit_reviewer"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
_HEX64 = re.compile(r"[0-9a-f]{64}")
_YEAR_SECONDS = 365 * 24 * 3600


def hex_digest(value: str) -> str:
    """A sha256 (or finding key) from a URL: 64 lowercase hex digits, else 404. Nothing else reaches a lookup."""
    if not _HEX64.fullmatch(value):
        raise HTTPException(status_code=404, detail="not found")
    return value


class Sessions:
    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _sign(self, token: str) -> str:
        return hmac.new(self._secret, token.encode(), hashlib.sha256).hexdigest()

    def token(self, request: Request) -> str | None:
        """The request's session token when its cookie carries a valid signature."""
        cookie = request.cookies.get(SESSION_COOKIE, "")
        token, _, signature = cookie.partition(".")
        if token and signature and hmac.compare_digest(self._sign(token), signature):
            return token
        return None

    def new_token(self) -> str:
        return secrets.token_urlsafe(32)

    def set_cookie(self, response: Response, token: str) -> None:
        response.set_cookie(SESSION_COOKIE, f"{token}.{self._sign(token)}", httponly=True, samesite="strict", path="/")

    def check_post(self, request: Request, sent: str | None) -> None:
        """403 unless the POST carries the token of its own signed session cookie."""
        expected = self.token(request)
        sent = sent or request.headers.get(CSRF_HEADER)
        if expected is None or not sent or not hmac.compare_digest(expected.encode(), sent.encode()):
            raise HTTPException(status_code=403, detail="CSRF token missing or wrong; reload the page and try again")


def reviewer_name(request: Request) -> str:
    return unquote(request.cookies.get(REVIEWER_COOKIE, ""))[:100]


def remember_reviewer(response: Response, name: str) -> None:
    response.set_cookie(REVIEWER_COOKIE, quote(name[:100]), max_age=_YEAR_SECONDS, samesite="strict", path="/")
