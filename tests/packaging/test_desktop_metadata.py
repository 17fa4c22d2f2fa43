#!/usr/bin/env python3
"""The .desktop file, the AppStream metainfo and the icon agree with each other and with the project.

What desktop-file-validate and appstreamcli cannot know: that the metainfo launches the desktop file we ship, that
both name the icon we install, that the newest release is the version CMakeLists.txt builds, and that the
packaging installs the files under the names they refer to each other by.
"""

import configparser
import os
import re
import sys
import unittest
import xml.etree.ElementTree as ET
from pathlib import Path

SOURCE = Path(os.environ.get("FO_SOURCE_DIR", Path(__file__).resolve().parents[2]))
APP_ID = "com.example.find_outliers"
DESKTOP = SOURCE / "packaging" / "desktop" / f"{APP_ID}.desktop"
METAINFO = SOURCE / "packaging" / "desktop" / f"{APP_ID}.metainfo.xml"
ICON_SVG = SOURCE / "resources" / "icons" / "find-outliers.svg"


def project_version() -> str:
    if os.environ.get("FO_PROJECT_VERSION"):
        return os.environ["FO_PROJECT_VERSION"]
    text = (SOURCE / "CMakeLists.txt").read_text(encoding="utf-8")
    return re.search(r"project\([^)]*VERSION\s+(\S+)", text).group(1)


def version_key(version: str) -> tuple:
    return tuple(int(part) for part in re.findall(r"\d+", version))


class DesktopMetadata(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        parser = configparser.ConfigParser(interpolation=None, strict=True)
        parser.optionxform = str  # keys are case-sensitive
        parser.read(DESKTOP, encoding="utf-8")
        cls.entry = parser["Desktop Entry"]
        cls.metainfo = ET.parse(METAINFO).getroot()

    def test_desktop_entry_runs_the_installed_binary(self):
        self.assertEqual(self.entry["Type"], "Application")
        self.assertEqual(self.entry["Exec"].split()[0], "find-outliers")
        self.assertEqual(self.entry["TryExec"], "find-outliers")
        self.assertEqual(self.entry["Terminal"], "false")
        # Qt names the X11 window class after the executable.
        self.assertEqual(self.entry["StartupWMClass"], "find-outliers")

    def test_desktop_entry_is_translated_like_the_app(self):
        self.assertEqual(self.entry["Name"], "Find outliers")
        # The window title's Russian translation (resources/translations/find-outliers_ru.ts).
        ts = (SOURCE / "resources" / "translations" / "find-outliers_ru.ts").read_text(encoding="utf-8")
        match = re.search(r"<source>Find outliers</source>\s*<translation>([^<]+)</translation>", ts)
        self.assertIsNotNone(match, "the Russian translation of the window title is missing")
        self.assertEqual(self.entry["Name[ru]"], match.group(1))

    def test_icon_is_the_one_installed(self):
        self.assertTrue(ICON_SVG.is_file(), f"{ICON_SVG} is missing")
        self.assertEqual(self.entry["Icon"], "find-outliers")
        icon = self.metainfo.find("icon")
        self.assertEqual((icon.get("type"), icon.text), ("stock", "find-outliers"))
        cmake = (SOURCE / "packaging" / "CMakeLists.txt").read_text(encoding="utf-8")
        self.assertIn('set(FO_ICON_NAME "find-outliers")', cmake)
        self.assertIn('set(FO_APP_ID "com.example.find_outliers")', cmake)

    def test_app_names_its_desktop_file(self):
        # QGuiApplication::setDesktopFileName takes the desktop file's name without ".desktop".
        main = (SOURCE / "ui" / "shell" / "DesktopMain.cpp").read_text(encoding="utf-8")
        self.assertIn(f'setDesktopFileName(QStringLiteral("{DESKTOP.stem}"))', main)

    def test_metainfo_launches_the_desktop_file(self):
        self.assertEqual(self.metainfo.get("type"), "desktop-application")
        self.assertEqual(self.metainfo.findtext("id"), APP_ID)
        launchable = self.metainfo.find("launchable")
        self.assertEqual((launchable.get("type"), launchable.text), ("desktop-id", DESKTOP.name))
        self.assertEqual(self.metainfo.findtext("provides/binary"), "find-outliers")

    def test_newest_release_is_the_project_version(self):
        releases = [r.get("version") for r in self.metainfo.findall("releases/release")]
        self.assertTrue(releases, "the metainfo lists no release")
        newest = max(releases, key=version_key)
        self.assertEqual(
            newest,
            project_version(),
            "add a <release> for the new version to packaging/desktop/com.example.find_outliers.metainfo.xml",
        )
        self.assertEqual(releases[0], newest, "releases must be listed newest first")

    def test_languages_match_the_translations(self):
        shipped = {p.stem.rsplit("_", 1)[1] for p in (SOURCE / "resources" / "translations").glob("*.ts")}
        listed = {lang.text for lang in self.metainfo.findall("languages/lang")}
        self.assertEqual(listed, shipped)


if __name__ == "__main__":
    unittest.main(verbosity=2)
