#!/usr/bin/env python3
"""The headless build (-DFO_DESKTOP=OFF) is the job alone (issue 13, item 1; docs/architecture.md):

- `readelf -d` of the binary names no desktop library: no Qt6Widgets, Qt6Gui, Qt6Charts, Qt6OpenGL, keychain,
  Qt6DBus or libdbus, libsecret or X11/GL (and it does name Qt6Core, so that an unreadable binary cannot pass);
- at run time, a whole run (--demo on SQLite, with notifications sent to a local HTTP server) loads none of them
  either (the dynamic loader's own list, LD_DEBUG=files, which also shows the plugins Qt opens with dlopen);
- started without a headless verb, it needs no display: it says in one line on stderr that this build has no
  desktop and how to run the job, prints nothing on stdout, and exits with 2 (usage error); --help says so too.

Registered only in the headless build (tests/packaging/CMakeLists.txt), with FO_BINARY pointing at its binary.
"""

import http.server
import os
import re
import subprocess
import tempfile
import threading
import unittest

BINARY = os.environ["FO_BINARY"]

# Libraries of the desktop, by the start of their file name (libQt6Gui.so.6, libqt6keychain.so.1, ...).
DESKTOP_LIBRARIES = re.compile(
    r"^lib(Qt6(Widgets|Gui|Charts|OpenGL|OpenGLWidgets|DBus|XcbQpa|Svg)|qt6keychain|dbus-1|secret-1|X11|xcb|GL|EGL"
    r"|OpenGL|GLX|xkbcommon|fontconfig|freetype)\.so"
)


def clean_environment(home):
    """The environment of a server with no desktop: no display, no session bus, no settings from outside."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "XDG_DATA_HOME": os.path.join(home, "data"),
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "XDG_RUNTIME_DIR": home,
        "LANG": "C.UTF-8",
        "TZ": "UTC",
    }
    return env


class Recorder(http.server.BaseHTTPRequestHandler):
    """The notifications API in one method: 200 to every POST, and a count of them."""

    count = 0
    lock = threading.Lock()

    def do_POST(self):  # noqa: N802 (the name http.server calls)
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        with Recorder.lock:
            Recorder.count += 1
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "2")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


class HeadlessBinary(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.TemporaryDirectory(prefix="fo-headless-")
        self.addCleanup(self.home.cleanup)
        self.env = clean_environment(self.home.name)

    def test_readelf_names_no_desktop_library(self):
        dynamic = subprocess.run(["readelf", "-d", BINARY], capture_output=True, text=True, check=True).stdout
        needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)
        self.assertIn("libQt6Core.so.6", needed, f"readelf -d did not list the libraries of {BINARY}:\n{dynamic}")
        desktop = [name for name in needed if DESKTOP_LIBRARIES.match(name)]
        self.assertEqual(desktop, [], f"the headless binary links desktop libraries; it needs: {needed}")

    def loaded_files(self, args, extra_env=None):
        """Runs the binary with LD_DEBUG=files; returns (completed process, names of every file the loader loaded)."""
        env = dict(self.env, LD_DEBUG="files", LD_DEBUG_OUTPUT=os.path.join(self.home.name, "ld"))
        env.update(extra_env or {})
        run = subprocess.run([BINARY, *args], capture_output=True, text=True, env=env, timeout=120, check=False)
        loaded = set()
        for name in os.listdir(self.home.name):
            if name.startswith("ld."):
                with open(os.path.join(self.home.name, name), encoding="utf-8", errors="replace") as log:
                    for line in log:
                        match = re.search(r"file=(\S+) \[\d+\];\s+(needed|dynamically loaded) by", line)
                        if match:
                            loaded.add(os.path.basename(match.group(1)))
        return run, loaded

    def test_a_whole_run_loads_no_desktop_library(self):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        Recorder.count = 0
        url = f"http://127.0.0.1:{server.server_address[1]}/notifications"
        run, loaded = self.loaded_files(["--demo"], {"NOTIFICATIONS_API_BASE_URL": url})
        self.assertEqual(run.returncode, 0, f"--demo failed:\n{run.stdout}\n{run.stderr}")
        self.assertEqual(Recorder.count, 2, "the run sends its start and completion notifications")
        # The run really went through the database plugin: the loader saw it.
        self.assertTrue(any(name.startswith("libqsqlite") for name in loaded), sorted(loaded))
        desktop = sorted(name for name in loaded if DESKTOP_LIBRARIES.match(name))
        self.assertEqual(desktop, [], f"a headless run loaded desktop libraries; it loaded: {sorted(loaded)}")

    def test_without_a_headless_verb_it_says_there_is_no_desktop(self):
        for args in ([], ["--no-such-flag"]):
            with self.subTest(args=args):
                run = subprocess.run([BINARY, *args], capture_output=True, text=True, env=self.env, timeout=60,
                                     stdin=subprocess.DEVNULL, check=False)
                self.assertEqual(run.returncode, 2, run.stderr)
                self.assertEqual(run.stdout, "")
                lines = run.stderr.splitlines()
                self.assertEqual(len(lines), 1, f"one line, not: {run.stderr!r}")
                self.assertRegex(lines[0], r"no desktop")
                self.assertIn("--email", lines[0])

    def test_help_does_not_promise_a_window(self):
        run = subprocess.run([BINARY, "--help"], capture_output=True, text=True, env=self.env, timeout=60,
                             check=False)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("--email", run.stdout)
        self.assertNotIn("opens the desktop window", run.stdout)
        self.assertIn("no desktop window", run.stdout)

    def test_version_loads_only_the_core_libraries(self):
        run, loaded = self.loaded_files(["--version"])
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertRegex(run.stdout, r"^find-outliers \d+\.\d+\.\d+")
        self.assertIn("libQt6Core.so.6", loaded)
        desktop = sorted(name for name in loaded if DESKTOP_LIBRARIES.match(name))
        self.assertEqual(desktop, [], sorted(loaded))


if __name__ == "__main__":
    unittest.main(verbosity=2)
