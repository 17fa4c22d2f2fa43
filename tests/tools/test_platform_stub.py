#!/usr/bin/env python3
"""scripts/platform-stub.py speaks the platform's auth API and notifications API (docs/platform.md 5 and 6) over HTTP.

Starts the stub on a free loopback port and checks every endpoint from the outside: status codes, answer shapes,
HS256 signatures, token lifetimes and expiry, refresh, the saved messages, malformed requests, and that the log
never shows a token. tst_tools_platform_stub checks the same stub against the app's own C++ client.
"""

import base64
import hashlib
import hmac
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request
from pathlib import Path

SOURCE = Path(os.environ.get("FO_SOURCE_DIR", Path(__file__).resolve().parents[2]))
STUB = SOURCE / "scripts" / "platform-stub.py"
SECRET = b"test-secret-for-the-stub"
AUTH = "/auth-api/api/v1"
SEND = "/notifications-api/api/v1/notifications/send_email"
DAY = 24 * 60 * 60
USER_FIELDS = {"google_sub", "email", "name", "picture", "test_user"}


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def decode_jwt(token: str, kind: str) -> dict:
    """The payload of an HS256 token, after checking its signature with the stub's key for that kind of token."""
    header, payload, signature = token.split(".")
    assert json.loads(b64url_decode(header)) == {"alg": "HS256", "typ": "JWT"}
    key = hmac.new(SECRET, kind.encode(), hashlib.sha256).digest()
    expected = hmac.new(key, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    assert hmac.compare_digest(b64url_decode(signature), expected), "the signature does not verify"
    return json.loads(b64url_decode(payload))


class StubProcess:
    """The stub as a child process on a free port, with its own mail folder and a known signing secret."""

    def __init__(self, workdir: Path, *extra: str, secret_file: Path | None = None):
        self.workdir = workdir
        self.mail_dir = workdir / "mail"
        self.log_path = workdir / "stub.log"
        port_file = workdir / "port"
        port_file.unlink(missing_ok=True)
        if secret_file is None:
            secret_file = workdir / "secret"
            secret_file.write_bytes(SECRET + b"\n")
        self.log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [sys.executable, str(STUB), "--port", "0", "--port-file", str(port_file), "--mail-dir",
             str(self.mail_dir), "--secret-file", str(secret_file), *extra],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while not port_file.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the stub did not start:\n" + self.log_text())
            time.sleep(0.05)
        self.port = int(port_file.read_text())
        self.origin = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def request(self, method: str, path: str, body=None, token: str | None = None, raw: bytes | None = None):
        """(status, parsed JSON answer) for one request."""
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        req = urllib.request.Request(self.origin + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if token is not None:
            req.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(req, timeout=10) as answer:
                return answer.status, json.loads(answer.read())
        except urllib.error.HTTPError as error:
            with error:
                return error.code, json.loads(error.read())

    def sign_in(self, login: str = "support") -> dict:
        status, tokens = self.request("GET", f"{AUTH}/auth/auth-test-account?test_account_login={login}")
        assert status == 200, (status, tokens)
        return tokens


class PlatformStub(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.stub = StubProcess(Path(cls.tmp.name), "--account", "ann:ann.lee@example.org:Ann Lee: Ops")

    @classmethod
    def tearDownClass(cls):
        cls.stub.stop()
        cls.tmp.cleanup()

    # -- auth-test-account --

    def test_test_account_returns_signed_tokens_with_the_platform_payload(self):
        before = int(time.time())
        tokens = self.stub.sign_in()
        self.assertEqual(set(tokens), {"access_token", "refresh_token", "token_type"})
        self.assertEqual(tokens["token_type"], "bearer")
        access = decode_jwt(tokens["access_token"], "access")
        refresh = decode_jwt(tokens["refresh_token"], "refresh")
        for claims in (access, refresh):
            self.assertEqual(set(claims), USER_FIELDS | {"iat", "exp"})
            self.assertEqual(claims["email"], "support@example.com")
            self.assertEqual(claims["name"], "Sam Support")
            self.assertIs(claims["test_user"], True)
            self.assertRegex(claims["google_sub"], r"^\d{21}$")
            self.assertGreaterEqual(claims["iat"], before)
        self.assertEqual(access["exp"] - access["iat"], 8 * DAY)
        self.assertEqual(refresh["exp"] - refresh["iat"], 7 * DAY)

    def test_added_account_signs_in_with_its_own_name(self):
        tokens = self.stub.sign_in("ann")
        status, me = self.stub.request("GET", f"{AUTH}/auth/users/me", token=tokens["access_token"])
        self.assertEqual(status, 200)
        self.assertEqual(me["email"], "ann.lee@example.org")
        self.assertEqual(me["name"], "Ann Lee: Ops")  # the name keeps its own colons

    def test_unknown_login_is_404_and_missing_login_is_422(self):
        status, body = self.stub.request("GET", f"{AUTH}/auth/auth-test-account?test_account_login=nobody")
        self.assertEqual((status, body), (404, {"detail": "Test account not found"}))
        status, body = self.stub.request("GET", f"{AUTH}/auth/auth-test-account")
        self.assertEqual(status, 422)
        self.assertIn("test_account_login", body["detail"])

    # -- users/me --

    def test_users_me_answers_the_user_for_a_valid_access_token(self):
        tokens = self.stub.sign_in()
        status, me = self.stub.request("GET", f"{AUTH}/auth/users/me", token=tokens["access_token"])
        self.assertEqual(status, 200)
        self.assertEqual(set(me), USER_FIELDS)
        claims = decode_jwt(tokens["access_token"], "access")
        self.assertEqual(me, {k: claims[k] for k in USER_FIELDS})

    def test_users_me_refuses_bad_tokens_with_401(self):
        tokens = self.stub.sign_in()
        header, payload, signature = tokens["access_token"].split(".")
        claims = json.loads(b64url_decode(payload))
        claims["email"] = "someone.else@example.com"
        tampered = f"{header}.{b64url(json.dumps(claims).encode())}.{signature}"
        for token in (None, "", "garbage", "a.b.c", tokens["refresh_token"], tampered):
            with self.subTest(token=token and token[:20]):
                status, body = self.stub.request("GET", f"{AUTH}/auth/users/me", token=token)
                self.assertEqual(status, 401)
                self.assertIn("detail", body)

    # -- refresh --

    def test_refresh_gives_new_working_tokens(self):
        tokens = self.stub.sign_in()
        status, renewed = self.stub.request("POST", f"{AUTH}/auth/refresh",
                                            {"refresh_token": tokens["refresh_token"]})
        self.assertEqual(status, 200)
        self.assertEqual(set(renewed), {"access_token", "refresh_token", "token_type"})
        self.assertEqual(renewed["token_type"], "bearer")
        status, me = self.stub.request("GET", f"{AUTH}/auth/users/me", token=renewed["access_token"])
        self.assertEqual((status, me["email"]), (200, "support@example.com"))
        self.assertEqual(decode_jwt(renewed["refresh_token"], "refresh")["email"], "support@example.com")

    def test_refresh_refuses_what_is_not_a_refresh_token_with_401(self):
        tokens = self.stub.sign_in()
        for token in ("garbage", tokens["access_token"], tokens["refresh_token"][:-3] + "AAA"):
            with self.subTest(token=token[:20]):
                status, body = self.stub.request("POST", f"{AUTH}/auth/refresh", {"refresh_token": token})
                self.assertEqual((status, body), (401, {"detail": "Invalid refresh token"}))

    def test_refresh_with_a_malformed_body_is_400_or_422(self):
        for raw, expected in ((b"{not json", 400), (b"\xff\xfe", 400), (b"[1, 2]", 400), (b"{}", 422),
                              (b'{"refresh_token": 5}', 422)):
            with self.subTest(raw=raw):
                status, body = self.stub.request("POST", f"{AUTH}/auth/refresh", raw=raw)
                self.assertEqual(status, expected)
                self.assertIn("detail", body)

    # -- get_all_users --

    def test_get_all_users_lists_every_account(self):
        all_users = f"{AUTH}/internal/users/get_all_users"
        status, users = self.stub.request("GET", f"{all_users}?test_users=true&real_users=true")
        self.assertEqual(status, 200)
        self.assertEqual({u["email"] for u in users}, {"support@example.com", "ann.lee@example.org"})
        for user in users:
            self.assertTrue(USER_FIELDS <= set(user))
        status, users = self.stub.request("GET", f"{all_users}?test_users=false&real_users=true")
        self.assertEqual((status, users), (200, []))  # every stub account is a test account
        status, _ = self.stub.request("GET", f"{all_users}?test_users=maybe")
        self.assertEqual(status, 422)

    # -- send_email --

    def test_send_email_saves_the_message_and_logs_recipient_and_subject(self):
        before = set(self.stub.mail_dir.iterdir())
        subject = "[Iteration #7] Завершение поиска выбросов"
        message = ("<html><body><p>Пользователь: demo@example.com</p>"
                   "<table><tr><td>1</td></tr></table></body></html>")
        tokens = self.stub.sign_in()
        status, body = self.stub.request("POST", SEND, {"to_email": "demo@example.com", "subject": subject,
                                                        "message": message}, token=tokens["access_token"])
        self.assertEqual((status, body), (200, {"status": "sent"}))
        new = set(self.stub.mail_dir.iterdir()) - before
        self.assertEqual(len(new), 1)
        saved = new.pop()
        self.assertEqual(saved.suffix, ".html")
        self.assertIn("demo@example.com", saved.name)
        text = saved.read_text(encoding="utf-8")
        self.assertIn(message, text)  # exactly as sent
        self.assertIn(f"<title>{subject}</title>", text)
        self.assertIn('<meta charset="utf-8">', text)
        self.assertIn("valid, support@example.com", text)  # whose bearer token came along
        self.assertRegex(self.stub.log_text(), re.escape(f"to demo@example.com: '{subject}' -> {saved}"))

    def test_send_email_needs_no_token_and_escapes_the_envelope(self):
        before = set(self.stub.mail_dir.iterdir())
        status, _ = self.stub.request("POST", SEND, {"to_email": "x+y@example.com", "subject": "<b>&",
                                                     "message": "<p>hi</p>"})
        self.assertEqual(status, 200)
        (saved,) = set(self.stub.mail_dir.iterdir()) - before
        text = saved.read_text(encoding="utf-8")
        self.assertIn("<td>&lt;b&gt;&amp;</td>", text)
        self.assertNotIn("<td><b>&</td>", text)

    def test_send_email_with_a_malformed_body_is_refused_and_nothing_is_saved(self):
        before = set(self.stub.mail_dir.iterdir())
        cases = ((b"{oops", 400), (b'"just a string"', 400),
                 (json.dumps({"subject": "s", "message": "m"}).encode(), 422),
                 (json.dumps({"to_email": "demo@example.com", "subject": 1, "message": "m"}).encode(), 422),
                 (json.dumps({"to_email": "not-an-email", "subject": "s", "message": "m"}).encode(), 422))
        for raw, expected in cases:
            with self.subTest(raw=raw):
                status, body = self.stub.request("POST", SEND, raw=raw)
                self.assertEqual(status, expected)
                self.assertIn("detail", body)
        self.assertEqual(set(self.stub.mail_dir.iterdir()), before)

    # -- anything else --

    def test_unknown_paths_and_wrong_methods(self):
        self.assertEqual(self.stub.request("GET", "/nothing/here")[0], 404)
        self.assertEqual(self.stub.request("GET", SEND)[0], 405)
        self.assertEqual(self.stub.request("POST", f"{AUTH}/auth/users/me", {})[0], 405)
        self.assertEqual(self.stub.request("DELETE", f"{AUTH}/auth/refresh")[0], 405)

    def raw_exchange(self, data: bytes) -> bytes:
        """Sends data as it is, then reads the whole answer."""
        with socket.create_connection(("127.0.0.1", self.stub.port), timeout=10) as s:
            s.sendall(data)
            s.shutdown(socket.SHUT_WR)
            chunks = []
            while chunk := s.recv(65536):
                chunks.append(chunk)
            return b"".join(chunks)

    def test_oversized_body_is_413_before_it_is_read(self):
        # Only the headers: the stub answers from the Content-Length, without waiting for 2 MiB.
        headers = b" HTTP/1.1\r\nHost: x\r\nContent-Length: 2097152\r\n\r\n"
        answer = self.raw_exchange(b"POST " + SEND.encode() + headers)
        self.assertEqual(answer.split(b"\r\n")[0].split(b" ")[1], b"413")
        self.assertEqual(self.stub.request("GET", f"{AUTH}/auth/users/me")[0], 401)  # still serving

    def test_broken_requests_do_not_stop_the_stub(self):
        raw_exchange = self.raw_exchange
        self.assertIn(b" 400", raw_exchange(b"NONSENSE\r\n\r\n").split(b"\r\n")[0])
        # A body shorter than its Content-Length, then the client hangs up.
        answer = raw_exchange(b"POST " + SEND.encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{}")
        self.assertIn(b" 400", answer.split(b"\r\n")[0])
        self.assertEqual(raw_exchange(b"POST " + SEND.encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n")
                         .split(b"\r\n")[0].split(b" ")[1], b"400")
        # Still serving.
        self.assertEqual(self.stub.request("GET", f"{AUTH}/auth/users/me")[0], 401)
        self.assertIsNone(self.stub.process.poll())

    def test_log_is_one_line_per_request_and_shows_no_token(self):
        tokens = self.stub.sign_in()
        self.stub.request("GET", f"{AUTH}/auth/users/me", token=tokens["access_token"])
        self.stub.request("POST", f"{AUTH}/auth/refresh", {"refresh_token": tokens["refresh_token"]})
        log = self.stub.log_text()
        self.assertRegex(log, r"GET /auth-api/api/v1/auth/auth-test-account\?test_account_login=support -> 200")
        self.assertRegex(log, r"GET /auth-api/api/v1/auth/users/me -> 200  support@example.com")
        self.assertRegex(log, r"POST /auth-api/api/v1/auth/refresh -> 200")
        # No JWT (three base64url parts starting with the header's "eyJ") anywhere in the log.
        self.assertNotRegex(log, r"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.")
        for token in tokens.values():
            if token != "bearer":
                self.assertNotIn(token[-20:], log)
        self.assertNotIn("Traceback", log)


class TokenLifetimes(unittest.TestCase):
    """Short lifetimes (--access-ttl, --refresh-ttl): expiry gives 401, refresh outlives the access token, and a
    restart with the same --secret-file keeps tokens valid."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.workdir = Path(self.tmp.name)

    def start(self, *extra: str, secret_file: Path | None = None) -> StubProcess:
        stub = StubProcess(self.workdir, *extra, secret_file=secret_file)
        self.addCleanup(stub.stop)
        return stub

    def test_expired_access_token_is_401_and_refresh_renews_it_until_it_expires_too(self):
        stub = self.start("--access-ttl", "1", "--refresh-ttl", "4")
        tokens = stub.sign_in()
        access = decode_jwt(tokens["access_token"], "access")
        refresh = decode_jwt(tokens["refresh_token"], "refresh")
        self.assertEqual(access["exp"] - access["iat"], 1)
        self.assertEqual(refresh["exp"] - refresh["iat"], 4)
        time.sleep(max(0.0, access["exp"] - time.time()) + 0.2)
        status, _ = stub.request("GET", f"{AUTH}/auth/users/me", token=tokens["access_token"])
        self.assertEqual(status, 401)
        self.assertIn("access token refused: expired", stub.log_text())
        status, renewed = stub.request("POST", f"{AUTH}/auth/refresh", {"refresh_token": tokens["refresh_token"]})
        self.assertEqual(status, 200)
        self.assertGreater(decode_jwt(renewed["access_token"], "access")["exp"], access["exp"])
        time.sleep(max(0.0, refresh["exp"] - time.time()) + 0.2)
        status, body = stub.request("POST", f"{AUTH}/auth/refresh", {"refresh_token": tokens["refresh_token"]})
        self.assertEqual((status, body), (401, {"detail": "Invalid refresh token"}))
        self.assertIn("refresh refused: expired", stub.log_text())

    def test_tokens_survive_a_restart_with_the_same_secret_file(self):
        secret_file = self.workdir / "made-by-the-stub"
        first = self.start(secret_file=secret_file)
        self.assertEqual(secret_file.stat().st_mode & 0o777, 0o600)
        tokens = first.sign_in()
        first.stop()
        second = self.start(secret_file=secret_file)
        status, me = second.request("GET", f"{AUTH}/auth/users/me", token=tokens["access_token"])
        self.assertEqual((status, me["email"]), (200, "support@example.com"))
        # A different secret: the same token means nothing.
        other = self.workdir / "other-secret"
        other.write_text("another secret\n")
        third = self.start(secret_file=other)
        self.assertEqual(third.request("GET", f"{AUTH}/auth/users/me", token=tokens["access_token"])[0], 401)

    def test_bad_arguments_and_a_busy_port_exit_with_a_message(self):
        def run(*args: str) -> subprocess.CompletedProcess:
            return subprocess.run([sys.executable, str(STUB), *args], capture_output=True, text=True, timeout=20)

        for args, words in ((["--account", "no-colons"], "LOGIN:EMAIL:NAME"),
                            (["--account", "x:not-an-email:X"], "not a valid email"),
                            (["--port", "70000"], "not a port number"),
                            (["--access-ttl", "0"], "at least 1 second")):
            with self.subTest(args=args):
                result = run(*args)
                self.assertEqual(result.returncode, 2)
                self.assertIn(words, result.stderr)
        with socket.socket() as busy:
            busy.bind(("127.0.0.1", 0))
            busy.listen()
            result = run("--port", str(busy.getsockname()[1]), "--mail-dir", str(self.workdir / "m"))
        self.assertEqual(result.returncode, 1)
        self.assertIn("cannot listen on 127.0.0.1", result.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
