#!/usr/bin/env python3
"""A local stand-in for the platform's auth API and notifications API (docs/platform.md sections 5 and 6).

    scripts/platform-stub.py [--port 8081] [--mail-dir DIR] [--account LOGIN:EMAIL:NAME ...]

For trying the desktop app on one machine (scripts/try-desktop.sh starts it) and for checking a client by hand.
It listens on loopback only and serves both APIs from one origin:

    AUTH_API_BASE_URL          = http://127.0.0.1:PORT
    NOTIFICATIONS_API_BASE_URL = http://127.0.0.1:PORT/notifications-api/api/v1/notifications

Auth API, under /auth-api/api/v1 (tokens are HS256 JWTs carrying google_sub, email, name, picture, test_user, iat
and exp; access tokens live 8 days and refresh tokens 7, as on the platform, unless --access-ttl/--refresh-ttl say
otherwise):

    GET  /auth/auth-test-account?test_account_login=LOGIN   200 {access_token, refresh_token, token_type}; 404
    POST /auth/refresh  {"refresh_token": "..."}            200 the same shape; 401 when invalid or expired
    GET  /auth/users/me  (Authorization: Bearer ACCESS)     200 {google_sub, email, name, picture, test_user}; 401
    GET  /internal/users/get_all_users?test_users=true&real_users=true   200 [every account]

Notifications API:

    POST <NOTIFICATIONS_API_BASE_URL>/send_email  {"to_email", "subject", "message"}   200

Each message is printed (recipient and subject) and saved as an HTML file in --mail-dir, to open in a browser.

Errors answer as FastAPI does, with {"detail": "..."}: 400 for a body that is not JSON, 422 for a missing or
ill-typed field, 404 for an unknown path, 405 for a wrong method, 413 for a body over 1 MiB. One line is logged per
request on stdout; tokens are never printed. Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import hashlib
import hmac
import html
import json
import os
import re
import secrets
import signal
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

AUTH_PREFIX = "/auth-api/api/v1"
NOTIFICATIONS_PREFIX = "/notifications-api/api/v1/notifications"
MAX_BODY = 1 << 20
DAY = 24 * 60 * 60
# The platform's email rule (docs/platform.md 2, step 1).
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
LOGIN_RE = re.compile(r"[A-Za-z0-9._@+-]{1,64}")
DEFAULT_ACCOUNTS = [("support", "support@example.com", "Sam Support")]


class RequestError(Exception):
    """An answer other than 200, with FastAPI's {"detail": ...} body."""

    def __init__(self, status: int, detail: str, note: str = ""):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.note = note or detail


# ---- JWT (HS256) ------------------------------------------------------------------------------------------------


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    if not re.fullmatch(r"[A-Za-z0-9_-]*", text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class TokenSigner:
    """Signs and checks HS256 JWTs. Access and refresh tokens are signed with two keys derived from one secret, so
    that neither kind is accepted in place of the other while the payload keeps the platform's fields only."""

    def __init__(self, secret: bytes):
        self._keys = {kind: hmac.new(secret, kind.encode(), hashlib.sha256).digest() for kind in ("access", "refresh")}

    def sign(self, kind: str, claims: dict) -> str:
        header = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
        payload = b64url(json.dumps(claims, separators=(",", ":"), ensure_ascii=False).encode())
        signing_input = f"{header}.{payload}".encode("ascii")
        signature = hmac.new(self._keys[kind], signing_input, hashlib.sha256).digest()
        return f"{header}.{payload}.{b64url(signature)}"

    def verify(self, kind: str, token: str, now: float) -> dict:
        """The claims of a valid, unexpired token of this kind; raises ValueError with the reason otherwise."""
        parts = token.split(".")
        if len(parts) != 3:
            raise ValueError("not a JWT")
        try:
            header = json.loads(b64url_decode(parts[0]))
            signature = b64url_decode(parts[2])
        except (ValueError, UnicodeDecodeError) as error:
            raise ValueError("not a JWT") from error
        if not isinstance(header, dict) or header.get("alg") != "HS256":
            raise ValueError("not an HS256 JWT")
        expected = hmac.new(self._keys[kind], f"{parts[0]}.{parts[1]}".encode("ascii"), hashlib.sha256).digest()
        if not hmac.compare_digest(signature, expected):
            article = "an" if kind == "access" else "a"
            raise ValueError(f"bad signature (not {article} {kind} token of this stub)")
        try:
            claims = json.loads(b64url_decode(parts[1]))
        except (ValueError, UnicodeDecodeError) as error:
            raise ValueError("unreadable payload") from error
        if not isinstance(claims, dict) or not isinstance(claims.get("exp"), (int, float)):
            raise ValueError("no expiry")
        if claims["exp"] <= now:
            raise ValueError("expired")
        return claims


# ---- State ------------------------------------------------------------------------------------------------------


class Account:
    def __init__(self, login: str, email: str, name: str):
        self.login = login
        self.email = email
        self.name = name
        # A stable, Google-like numeric subject, so that tokens stay valid when the stub restarts.
        digest = hashlib.sha256(f"platform-stub:{login}".encode()).digest()
        self.google_sub = "1" + str(int.from_bytes(digest[:8], "big")).zfill(20)

    def user(self) -> dict:
        return {"google_sub": self.google_sub, "email": self.email, "name": self.name, "picture": "",
                "test_user": True}


class Stub:
    def __init__(self, accounts: list[Account], signer: TokenSigner, access_ttl: int, refresh_ttl: int,
                 mail_dir: Path):
        self.accounts = {a.login: a for a in accounts}
        self.by_sub = {a.google_sub: a for a in accounts}
        self.signer = signer
        self.access_ttl = access_ttl
        self.refresh_ttl = refresh_ttl
        self.mail_dir = mail_dir
        self._lock = threading.Lock()
        self._sequence = 0

    def tokens(self, account: Account) -> dict:
        now = int(time.time())
        claims = account.user()
        access = self.signer.sign("access", {**claims, "iat": now, "exp": now + self.access_ttl})
        refresh = self.signer.sign("refresh", {**claims, "iat": now, "exp": now + self.refresh_ttl})
        return {"access_token": access, "refresh_token": refresh, "token_type": "bearer"}

    def account_of(self, kind: str, token: str) -> Account:
        claims = self.signer.verify(kind, token, time.time())
        account = self.by_sub.get(claims.get("google_sub"))
        if account is None:
            raise ValueError("unknown user")
        return account

    def save_message(self, to_email: str, subject: str, message: str, sender: str) -> Path:
        received = dt.datetime.now(dt.timezone.utc)
        safe_to = re.sub(r"[^A-Za-z0-9._@+-]", "_", to_email)[:80]
        page = (
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(subject)}</title></head><body>\n"
            "<!-- Saved by scripts/platform-stub.py: the envelope, then the message exactly as received. -->\n"
            "<table style=\"border-collapse:collapse;margin-bottom:1em;font-family:sans-serif\">"
            f"<tr><th align=\"left\">To</th><td>{html.escape(to_email)}</td></tr>"
            f"<tr><th align=\"left\">Subject</th><td>{html.escape(subject)}</td></tr>"
            f"<tr><th align=\"left\">Received</th><td>{received:%Y-%m-%d %H:%M:%S} UTC</td></tr>"
            f"<tr><th align=\"left\">Bearer</th><td>{html.escape(sender)}</td></tr></table><hr>\n"
            f"{message}\n</body></html>\n"
        )
        with self._lock:
            while True:
                self._sequence += 1
                path = self.mail_dir / f"{received:%Y%m%d-%H%M%S}-{self._sequence:04d}-{safe_to}.html"
                try:
                    with open(path, "x", encoding="utf-8") as file:
                        file.write(page)
                    return path
                except FileExistsError:
                    continue


# ---- HTTP -------------------------------------------------------------------------------------------------------


def flag(query: dict, name: str, default: bool) -> bool:
    values = query.get(name)
    if not values:
        return default
    value = values[-1].strip().lower()
    if value in ("true", "1", "yes", "on"):
        return True
    if value in ("false", "0", "no", "off"):
        return False
    raise RequestError(422, f"Query parameter {name} must be true or false.")


def printable(text: str, limit: int = 160) -> str:
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class Handler(BaseHTTPRequestHandler):
    server_version = "platform-stub/1"
    timeout = 30  # a client that stops sending loses its connection, not a thread forever
    stub: Stub  # set on the subclass made in main()

    # http.server's own access log would print every request line to stderr; we log one line of our own instead.
    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        pass

    # What http.server rejects by itself (a malformed request line or header): one line too.
    def log_error(self, format: str, *args) -> None:  # noqa: A002
        print(f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%dT%H:%M:%SZ} rejected: {printable(format % args)}",
              flush=True)

    def do_GET(self) -> None:
        self.dispatch("GET")

    def do_POST(self) -> None:
        self.dispatch("POST")

    def do_PUT(self) -> None:
        self.dispatch("PUT")

    def do_DELETE(self) -> None:
        self.dispatch("DELETE")

    def do_PATCH(self) -> None:
        self.dispatch("PATCH")

    def do_HEAD(self) -> None:
        self.dispatch("HEAD")

    ROUTES = {
        AUTH_PREFIX + "/auth/auth-test-account": ("GET", "test_account"),
        AUTH_PREFIX + "/auth/refresh": ("POST", "refresh"),
        AUTH_PREFIX + "/auth/users/me": ("GET", "users_me"),
        AUTH_PREFIX + "/internal/users/get_all_users": ("GET", "get_all_users"),
        NOTIFICATIONS_PREFIX + "/send_email": ("POST", "send_email"),
    }

    def dispatch(self, method: str) -> None:
        url = urlsplit(self.path)
        path = url.path.rstrip("/") or "/"
        query = parse_qs(url.query, keep_blank_values=True)
        note = ""
        try:
            route = self.ROUTES.get(path)
            if route is None and path == NOTIFICATIONS_PREFIX:
                # The desktop's status bar GETs the base address to see that the API answers; any status will do.
                raise RequestError(404, "Not Found", "reachability check (messages are POSTed to .../send_email)")
            if route is None:
                raise RequestError(404, "Not Found")
            if method != route[0]:
                raise RequestError(405, "Method Not Allowed")
            status, body, note = getattr(self, "handle_" + route[1])(query)
        except RequestError as error:
            status, body, note = error.status, {"detail": error.detail}, error.note
        except Exception as error:  # a bug here must not take the stub down: answer 500 and say what happened
            status, body, note = 500, {"detail": "Internal Server Error"}, f"stub error: {error!r}"
        # Logged before the answer goes out, so that whoever got the answer finds the line already there.
        shown = url.path if path != AUTH_PREFIX + "/auth/auth-test-account" else self.path
        line = f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%dT%H:%M:%SZ} {method} {printable(shown)} -> {status}"
        print(line + (f"  {printable(note, 300)}" if note else ""), flush=True)
        try:
            self.respond(status, body)
        except OSError as error:  # the client went away before the answer: nothing to do but say so
            print(f"  (the answer to that {method} was not delivered: {error.strerror or error})", flush=True)

    def respond(self, status: int, body) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if status == 401:
            self.send_header("WWW-Authenticate", "Bearer")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def json_body(self) -> dict:
        length_text = self.headers.get("Content-Length")
        if length_text is None:
            raise RequestError(411, "Length Required")
        try:
            length = int(length_text)
        except ValueError:
            raise RequestError(400, "Bad Content-Length") from None
        if length < 0:
            raise RequestError(400, "Bad Content-Length")
        if length > MAX_BODY:
            self.close_connection = True
            raise RequestError(413, "Request body too large")
        raw = self.rfile.read(length)
        if len(raw) != length:
            raise RequestError(400, "The request body ended early")
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise RequestError(400, "The request body is not valid JSON") from None
        if not isinstance(body, dict):
            raise RequestError(400, "The request body must be a JSON object")
        return body

    def bearer(self) -> str | None:
        header = self.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        return token.strip() if scheme.lower() == "bearer" and token.strip() else None

    # -- auth API --

    def handle_test_account(self, query: dict):
        logins = query.get("test_account_login")
        if not logins or not logins[-1]:
            raise RequestError(422, "Query parameter test_account_login is required.")
        account = self.stub.accounts.get(logins[-1])
        if account is None:
            raise RequestError(404, "Test account not found", f"unknown login {logins[-1]!r}")
        return 200, self.stub.tokens(account), f"signed in {account.email}"

    def handle_refresh(self, _query: dict):
        token = self.json_body().get("refresh_token")
        if not isinstance(token, str) or not token:
            raise RequestError(422, "Field refresh_token (a string) is required.")
        try:
            account = self.stub.account_of("refresh", token)
        except ValueError as reason:
            raise RequestError(401, "Invalid refresh token", f"refresh refused: {reason}") from None
        return 200, self.stub.tokens(account), f"new tokens for {account.email}"

    def handle_users_me(self, _query: dict):
        token = self.bearer()
        if token is None:
            raise RequestError(401, "Not authenticated", "no bearer token")
        try:
            account = self.stub.account_of("access", token)
        except ValueError as reason:
            raise RequestError(401, "Could not validate credentials", f"access token refused: {reason}") from None
        return 200, account.user(), account.email

    def handle_get_all_users(self, query: dict):
        # Every stub account is a test account; there are no real users here.
        users = [a.user() for a in self.stub.accounts.values()] if flag(query, "test_users", True) else []
        flag(query, "real_users", True)
        return 200, users, f"{len(users)} user(s)"

    # -- notifications API --

    def handle_send_email(self, _query: dict):
        body = self.json_body()
        fields = {}
        for name in ("to_email", "subject", "message"):
            value = body.get(name)
            if not isinstance(value, str):
                raise RequestError(422, f"Field {name} (a string) is required.")
            fields[name] = value
        if not EMAIL_RE.fullmatch(fields["to_email"]):
            raise RequestError(422, "Field to_email is not a valid email address.")
        token = self.bearer()
        if token is None:
            sender = "none"
        else:
            # The API takes no token but accepts one: say whose it is, refuse nothing.
            try:
                sender = f"valid, {self.stub.account_of('access', token).email}"
            except ValueError as reason:
                sender = f"not valid ({reason})"
        saved = self.stub.save_message(fields["to_email"], fields["subject"], fields["message"], sender)
        return 200, {"status": "sent"}, f"to {fields['to_email']}: {fields['subject']!r} -> {saved}"


# ---- Command line -----------------------------------------------------------------------------------------------


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of seconds") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give at least 1 second")
    return value


def port_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a port number (0 to 65535; 0 picks a free one)")
    return value


def account_spec(text: str) -> Account:
    parts = text.split(":", 2)
    if len(parts) != 3 or not all(p.strip() for p in parts):
        raise argparse.ArgumentTypeError(f"{text!r}: expected LOGIN:EMAIL:NAME, e.g. ann:ann@example.com:Ann Lee")
    login, email, name = (p.strip() for p in parts)
    if not LOGIN_RE.fullmatch(login):
        raise argparse.ArgumentTypeError(f"{login!r}: a login is 1 to 64 letters, digits or . _ @ + -")
    if not EMAIL_RE.fullmatch(email):
        raise argparse.ArgumentTypeError(f"{email!r} is not a valid email address")
    return Account(login, email, name)


def read_secret(path: Path | None) -> bytes:
    """The signing secret: from the file (created with a random secret when missing), or random for this run."""
    if path is None:
        return secrets.token_bytes(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        secret = path.read_bytes().strip()
        if not secret:
            raise SystemExit(f"platform-stub: the secret file {path} is empty; delete it to get a new secret")
        return secret
    secret = secrets.token_urlsafe(32).encode("ascii")
    with os.fdopen(fd, "wb") as file:
        file.write(secret + b"\n")
    return secret


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="A local stand-in for the platform's auth API and notifications API (docs/platform.md 5 and 6).",
        epilog="Built-in account: support (support@example.com, Sam Support).")
    parser.add_argument("--port", type=port_number, default=8081,
                        help="port on 127.0.0.1 (default 8081; 0 picks a free one)")
    parser.add_argument("--port-file", type=Path,
                        help="once listening, write the port number to this file (for scripts)")
    parser.add_argument("--mail-dir", type=Path,
                        help="save each sent message here as an HTML file (default: a new temporary folder)")
    parser.add_argument("--account", type=account_spec, action="append", default=[], metavar="LOGIN:EMAIL:NAME",
                        help="add a test account (repeatable; the same login replaces the built-in one)")
    parser.add_argument("--access-ttl", type=positive_int, default=8 * DAY, metavar="SECONDS",
                        help="lifetime of access tokens (default 8 days, as on the platform)")
    parser.add_argument("--refresh-ttl", type=positive_int, default=7 * DAY, metavar="SECONDS",
                        help="lifetime of refresh tokens (default 7 days, as on the platform)")
    parser.add_argument("--secret-file", type=Path,
                        help="read the token signing secret from this file, creating it when missing, so that "
                             "tokens survive a restart (default: a new random secret each run)")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    # Subjects are Russian: never let a non-UTF-8 terminal turn a print into a crash, and keep the log line-buffered
    # when it goes to a file.
    sys.stdout.reconfigure(errors="backslashreplace", line_buffering=True)
    args = parse_arguments(argv)

    accounts = {a.login: a for a in (Account(*spec) for spec in DEFAULT_ACCOUNTS)}
    for account in args.account:
        accounts[account.login] = account

    mail_dir = args.mail_dir or Path(tempfile.mkdtemp(prefix="platform-stub-mail-"))
    try:
        mail_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(f"platform-stub: cannot create the mail folder {mail_dir}: {error.strerror}", file=sys.stderr)
        return 2
    try:
        secret = read_secret(args.secret_file)
    except OSError as error:
        print(f"platform-stub: cannot use the secret file {args.secret_file}: {error.strerror}", file=sys.stderr)
        return 2

    stub = Stub(list(accounts.values()), TokenSigner(secret), args.access_ttl, args.refresh_ttl, mail_dir.resolve())
    handler = type("BoundHandler", (Handler,), {"stub": stub})
    try:
        server = ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    except OSError as error:
        print(f"platform-stub: cannot listen on 127.0.0.1:{args.port}: {error.strerror}. Choose another --port "
              "(0 picks a free one).", file=sys.stderr)
        return 1
    server.daemon_threads = True
    port = server.server_address[1]
    origin = f"http://127.0.0.1:{port}"

    def stop(_signum, _frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)

    print(f"platform-stub: listening on {origin}")
    print(f"  AUTH_API_BASE_URL={origin}")
    print(f"  NOTIFICATIONS_API_BASE_URL={origin}{NOTIFICATIONS_PREFIX}")
    print("  test accounts: " + ", ".join(f"{a.login} ({a.email})" for a in accounts.values()))
    print(f"  token lifetimes: access {args.access_ttl} s, refresh {args.refresh_ttl} s")
    print(f"  sent messages are saved in {stub.mail_dir}")
    if args.port_file:
        temporary = args.port_file.with_name(args.port_file.name + ".tmp")
        temporary.write_text(f"{port}\n", encoding="ascii")
        temporary.replace(args.port_file)  # whole or not at all: a reader never sees half a number
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    print("platform-stub: stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
