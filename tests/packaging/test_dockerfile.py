#!/usr/bin/env python3
"""packaging/docker/Dockerfile builds with what CI runs, since no Docker engine is here to build it:

- two stages on Debian 12: "build" and "runtime";
- the build stage installs with `packaging/bootstrap.sh ... build-headless` and makes the headless build with
  cmake (-DFO_DESKTOP=OFF: the job's image carries no desktop); the runtime stage
  installs with `packaging/bootstrap.sh ... runtime` only (CI runs the same script with the same sets, and
  scripts/test-deb.sh checks that the runtime set covers the package's dependencies);
- every set it names exists (`bootstrap.sh --list SET`);
- the runtime stage runs as a non-root user with entrypoint find-outliers and copies only the binary;
- no env file, secret or package mirror is in it, and the build context's ignore file keeps .env files out.
"""

import json
import os
import re
import shlex
import subprocess
import unittest
from pathlib import Path

SOURCE = Path(os.environ.get("FO_SOURCE_DIR", Path(__file__).resolve().parents[2]))
DOCKERFILE = SOURCE / "packaging" / "docker" / "Dockerfile"
IGNORE = SOURCE / "packaging" / "docker" / "Dockerfile.dockerignore"
BOOTSTRAP = SOURCE / "packaging" / "bootstrap.sh"


def instructions(text):
    """(INSTRUCTION, arguments) pairs, with continuation lines joined and comments dropped."""
    result = []
    current = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not current and (not stripped or stripped.startswith("#")):
            continue
        if current and stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            current += stripped[:-1] + " "
            continue
        current += stripped
        keyword, _, rest = current.partition(" ")
        result.append((keyword.upper(), rest.strip()))
        current = ""
    return result


def stages(parsed):
    """{stage name: [(INSTRUCTION, arguments), ...]} in order, and the ARGs before the first FROM."""
    result = {}
    global_args = {}
    name = None
    for keyword, rest in parsed:
        if keyword == "FROM":
            words = rest.split()
            name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else f"stage{len(result)}"
            result[name] = [(keyword, rest)]
        elif name is None:
            if keyword == "ARG":
                key, _, value = rest.partition("=")
                global_args[key] = value
        else:
            result[name].append((keyword, rest))
    return result, global_args


class Dockerfile(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.text = DOCKERFILE.read_text(encoding="utf-8")
        cls.stages, cls.args = stages(instructions(cls.text))

    def runs(self, stage):
        return [rest for keyword, rest in self.stages[stage] if keyword == "RUN"]

    def test_two_stages_on_debian_12(self):
        self.assertEqual(list(self.stages), ["build", "runtime"])
        for name, body in self.stages.items():
            image = body[0][1].split()[0]
            image = re.sub(r"\$\{(\w+)\}", lambda m: self.args.get(m.group(1), ""), image)
            self.assertRegex(image, r"^debian:(12|bookworm)(-slim)?$", name)

    def bootstrap_sets(self, stage):
        sets = []
        for run in self.runs(stage):
            words = shlex.split(run)
            for i, word in enumerate(words):
                # Only where a command starts: `rm /tmp/bootstrap.sh` does not run it.
                at_command = i == 0 or words[i - 1] in ("&&", "||", ";", "|")
                if at_command and word.endswith("bootstrap.sh"):
                    args = []
                    for arg in words[i + 1:]:
                        if arg in ("&&", "||", ";", "|"):
                            break
                        args.append(arg)
                    sets.append([a for a in args if not a.startswith("--")])
        return sets

    def test_build_stage_installs_with_bootstrap_and_builds_with_cmake(self):
        self.assertEqual(self.bootstrap_sets("build"), [["build-headless"]])
        runs = " ".join(self.runs("build"))
        self.assertRegex(runs, r"cmake -S \. -B \S+ -G Ninja -DCMAKE_BUILD_TYPE=Release")
        self.assertIn("-DFO_DESKTOP=OFF", runs, "the job's image is the headless build")
        self.assertIn("-DFO_BUILD_TESTS=OFF", runs)
        self.assertIn("cmake --build", runs)
        self.assertIn("cmake --install", runs)
        copies = [rest for keyword, rest in self.stages["build"] if keyword == "COPY"]
        self.assertEqual(copies[0], "packaging/bootstrap.sh packaging/bootstrap.sh",
                         "copy the script alone first, so that the dependency layer is cached")

    def test_runtime_stage_installs_the_runtime_set_only(self):
        self.assertEqual(self.bootstrap_sets("runtime"), [["runtime"]])
        runs = " ".join(self.runs("runtime"))
        self.assertNotIn("apt-get install", runs, "packages come from bootstrap.sh, as in CI")
        self.assertNotIn("cmake", runs)
        self.assertIn("--clean", runs, "apt lists and cache stay out of the image")

    def test_every_set_named_exists(self):
        for stage in self.stages:
            for sets in self.bootstrap_sets(stage):
                listed = subprocess.run(["bash", str(BOOTSTRAP), "--list", *sets],
                                        capture_output=True, text=True, check=False)
                self.assertEqual(listed.returncode, 0, listed.stderr)
                self.assertTrue(listed.stdout.split(), f"bootstrap.sh --list {sets} is empty")

    def test_runtime_stage_runs_find_outliers_as_non_root(self):
        body = self.stages["runtime"]
        users = [rest for keyword, rest in body if keyword == "USER"]
        self.assertTrue(users, "the runtime stage needs a USER")
        self.assertNotIn(users[-1].split(":")[0], ("root", "0"))
        entrypoints = [rest for keyword, rest in body if keyword == "ENTRYPOINT"]
        self.assertEqual(json.loads(entrypoints[-1]), ["find-outliers"], "exec form, find-outliers")
        last_user = max(i for i, (k, _) in enumerate(body) if k == "USER")
        self.assertFalse(any(k == "RUN" for k, _ in body[last_user:]), "nothing runs as root after USER")

    def test_runtime_stage_copies_only_the_binary(self):
        copies = [rest for keyword, rest in self.stages["runtime"] if keyword == "COPY"]
        from_build = [c for c in copies if c.startswith("--from=build")]
        self.assertEqual(from_build, ["--from=build /stage/usr/bin/find-outliers /usr/bin/find-outliers"])
        for copy in copies:
            self.assertNotRegex(copy, r"\.env", "settings and secrets are not baked into the image")

    def test_no_settings_secrets_or_mirrors(self):
        for keyword, rest in [i for body in self.stages.values() for i in body]:
            if keyword == "ENV":
                self.assertNotRegex(rest, r"\b(DB_|REDIS_|PASSWORD|TOKEN)", "settings come at run time")
            self.assertNotRegex(rest, r"https?://", f"no URL in {keyword} {rest}: packages come from plain apt-get")
        self.assertNotRegex(self.text, r"sources\.list|apt\.conf")

    def test_build_context_keeps_env_files_and_build_trees_out(self):
        patterns = [line.strip() for line in IGNORE.read_text(encoding="utf-8").splitlines()
                    if line.strip() and not line.startswith("#")]
        for needed in ("**/.env", "**/.env.*", ".git", "build", "build-*"):
            self.assertIn(needed, patterns)


if __name__ == "__main__":
    unittest.main(verbosity=2)
