#!/usr/bin/env python3
"""What a set of packages adds to a minimal Debian 12 image: the packages apt would install and their installed size.

    packaging/measure-runtime-size.py [--list] SET...     e.g. runtime, or runtime runtime-desktop (the old set)
    packaging/measure-runtime-size.py --packages NAME...   any package names

The sets are packaging/bootstrap.sh's. The closure follows Depends and Pre-Depends (the first alternative, as apt
takes it; a virtual package by its first provider), not Recommends (bootstrap.sh installs with
--no-install-recommends). What a debian:12-slim image already holds is left out: the Essential and
Priority: required packages and apt, with their own closure. The size is dpkg's Installed-Size, summed. Reads
apt's local package lists (`apt-cache dumpavail`): run `apt-get update` once on a fresh machine. Asks no server.
"""

import argparse
import re
import subprocess
import sys
from pathlib import Path

BOOTSTRAP = Path(__file__).resolve().parent / "bootstrap.sh"


def read_lists():
    """{package: {"size": KiB, "depends": [[alternatives]], "provides": [...], "base": bool}} from apt's lists."""
    text = subprocess.run(["apt-cache", "dumpavail"], capture_output=True, text=True, check=True).stdout
    packages = {}
    providers = {}
    for stanza in text.split("\n\n"):
        fields = {}
        key = None
        for line in stanza.splitlines():
            if line.startswith((" ", "\t")) and key:
                fields[key] += " " + line.strip()
                continue
            key, _, value = line.partition(":")
            fields[key] = value.strip()
        name = fields.get("Package")
        if not name or name in packages:
            continue
        depends = []
        for field in ("Pre-Depends", "Depends"):
            for item in filter(None, (i.strip() for i in fields.get(field, "").split(","))):
                depends.append([re.sub(r"[\s(:].*", "", alt.strip()) for alt in item.split("|")])
        provides = [re.sub(r"[\s(].*", "", p.strip()) for p in fields.get("Provides", "").split(",") if p.strip()]
        packages[name] = {
            "size": int(fields.get("Installed-Size", "0") or 0),
            "depends": depends,
            "base": fields.get("Essential") == "yes" or fields.get("Priority") == "required",
        }
        for provided in provides:
            providers.setdefault(provided, []).append(name)
    return packages, providers


def closure(names, packages, providers):
    """Every package apt installs for `names`, alternatives and virtual packages resolved as apt's first choice."""
    seen = set()
    todo = list(names)
    missing = []
    while todo:
        name = todo.pop()
        if name not in packages:
            if name in providers:
                name = providers[name][0]
            else:
                missing.append(name)
                continue
        if name in seen:
            continue
        seen.add(name)
        for alternatives in packages[name]["depends"]:
            chosen = next((a for a in alternatives if a in seen), None)
            chosen = chosen or next((a for a in alternatives if a in packages), None)
            chosen = chosen or next((providers[a][0] for a in alternatives if a in providers), None)
            if chosen:
                todo.append(chosen)
            else:
                missing.append(alternatives[0])
    return seen, missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="+", help="bootstrap.sh sets (or package names with --packages)")
    parser.add_argument("--packages", action="store_true", help="the names are packages, not sets")
    parser.add_argument("--list", action="store_true", help="also list the added packages with their sizes")
    args = parser.parse_args()

    if args.packages:
        wanted = args.names
    else:
        listed = subprocess.run(["bash", str(BOOTSTRAP), "--list", *args.names], capture_output=True, text=True)
        if listed.returncode != 0:
            sys.exit(listed.stderr.strip())
        wanted = listed.stdout.split()

    packages, providers = read_lists()
    if not packages:
        sys.exit("measure-runtime-size: apt's package lists are empty; run apt-get update first")
    base, _ = closure([n for n, p in packages.items() if p["base"]] + ["apt"], packages, providers)
    added, missing = closure(wanted, packages, providers)
    added -= base
    if missing:
        print(f"measure-runtime-size: not in apt's lists: {' '.join(sorted(set(missing)))}", file=sys.stderr)
    total = sum(packages[name]["size"] for name in added)
    if args.list:
        for name in sorted(added, key=lambda n: -packages[n]["size"]):
            print(f"{packages[name]['size']:>8} KiB  {name}")
    print(f"{' '.join(args.names)}: {len(wanted)} packages asked, {len(added)} installed on debian:12-slim, "
          f"{total / 1024:.1f} MiB installed size")


if __name__ == "__main__":
    main()
