#!/usr/bin/env python3
"""The job image's runtime packages stay small (issue 13, item 1): what packaging/bootstrap.sh's `runtime` set adds
to debian:12-slim (packaging/measure-runtime-size.py, from apt's local lists) is at most a third of what the image
needed when it carried the desktop (the sets `runtime runtime-desktop`), and it holds no desktop library. Debian's
libqt6network6 depends on libqt6dbus6 (and so libdbus-1-3) as a package, though QtNetwork does not link it: those
two come along, about 1.4 MiB, and test_headless_binary.py checks that the job never loads them.
"""

import os
import re
import subprocess
import unittest
from pathlib import Path

SOURCE = Path(os.environ.get("FO_SOURCE_DIR", Path(__file__).resolve().parents[2]))
MEASURE = SOURCE / "packaging" / "measure-runtime-size.py"
DESKTOP_PACKAGES = re.compile(r"^(libqt6(gui|widgets|charts|keychain|opengl|svg)|qt6-qpa-plugins|libsecret|"
                              r"libx11|libxcb|libgl1|libglx|libegl|libopengl|libfontconfig|libfreetype|libxkbcommon)")


def measure(*sets):
    run = subprocess.run(["python3", str(MEASURE), "--list", *sets], capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise AssertionError(f"measure-runtime-size.py {' '.join(sets)} failed: {run.stderr}")
    summary = re.search(r"(\d+) installed on debian:12-slim, ([\d.]+) MiB installed size", run.stdout)
    if not summary:
        raise AssertionError(f"no summary in: {run.stdout}")
    packages = re.findall(r"^\s*\d+ KiB\s+(\S+)$", run.stdout, re.MULTILINE)
    return float(summary.group(2)), packages


class RuntimeSize(unittest.TestCase):
    def test_the_job_image_needs_at_most_a_third_of_the_desktop_set(self):
        job, job_packages = measure("runtime")
        desktop, _ = measure("runtime", "runtime-desktop")
        self.assertGreater(job, 0)
        self.assertIn("libqt6core6", job_packages)
        self.assertLessEqual(job, desktop / 3, f"runtime: {job} MiB; runtime + runtime-desktop: {desktop} MiB")
        self.assertEqual([p for p in job_packages if DESKTOP_PACKAGES.match(p)], [], job_packages)


if __name__ == "__main__":
    unittest.main(verbosity=2)
