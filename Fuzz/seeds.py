#!/usr/bin/env python3
"""Writes the seed corpus of one fuzz target into a directory, from the repository's real
captures; nothing in the repository is written. Used by .ci/fuzz.

    Fuzz/seeds.py <target> <output directory> [<catalogue file>]

front-matter  Content/guides/*.md, Content/questions/*.yaml, Content/diagnostics/*.yaml and
              Content/allowlist.yaml as they are.
log-scan      the broker logs, journald and grep outputs and client outputs of
              Tests/Fixtures/broker-3.10 and every capture of Tests/Fixtures/captures as they are.
gzip          those logs gzip-compressed: single members at several levels, concatenated
              members, a zlib stream, an empty member, a truncated stream, trailing garbage.
diagnostics   `<diagnostic id>\\n<output>`: every evidence bundle file of Tests/Fixtures (the
              *-bundle folders, broker-3.10, management-api) under each catalogue entry whose
              evidence patterns name it, and every command section (`## $ ...`) and log section of
              the captures under the entry that runs that command; the catalogue file is the one
              fuzz-diagnostics writes (RMQ_DOCTOR_FUZZ_CATALOGUE).
search        nothing here: fuzz-search writes its own seeds (RMQ_DOCTOR_FUZZ_SEEDS).

Every target also gets its past findings, Tests/Fixtures/fuzz-regressions/fuzz-<target>-*, so that
each run replays them first.
"""
import fnmatch
import gzip
import hashlib
import os
import re
import shlex
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures")


def files(folder, patterns):
    folder = os.path.join(ROOT, folder)
    if not os.path.isdir(folder):
        return []
    names = sorted(os.listdir(folder))
    return [
        os.path.join(folder, name)
        for name in names
        if any(fnmatch.fnmatch(name, pattern) for pattern in patterns)
        and os.path.isfile(os.path.join(folder, name))
    ]


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


class Writer:
    def __init__(self, output):
        self.output = output
        self.count = 0
        self.seen = set()
        os.makedirs(output, exist_ok=True)

    def add(self, name, data):
        digest = hashlib.sha1(data).hexdigest()
        if digest in self.seen:
            return
        self.seen.add(digest)
        safe = re.sub(r"[^A-Za-z0-9._-]", "_", name)[:80]
        with open(os.path.join(self.output, "seed-%s-%s" % (safe, digest[:8])), "wb") as handle:
            handle.write(data)
        self.count += 1


def log_files():
    return (
        files("Tests/Fixtures/broker-3.10", ["*.log", "journalctl*.txt", "grep-*.txt", "pika-*.txt", "dmesg*.txt"])
        + files("Tests/Fixtures/captures", ["*.txt", "*.log"])
    )


def front_matter(out):
    for path in (
        files("Content/guides", ["*.md"])
        + files("Content/questions", ["*.yaml"])
        + files("Content/diagnostics", ["*.yaml"])
        + files("Content", ["allowlist.yaml"])
    ):
        out.add(os.path.basename(path), read(path))


def log_scan(out):
    for path in log_files():
        out.add(os.path.basename(path), read(path))


def gzip_seeds(out):
    logs = files("Tests/Fixtures/broker-3.10", ["*.log", "journalctl*.txt"])
    logs = [path for path in logs if os.path.getsize(path) <= 64 * 1024]
    for number, path in enumerate(logs):
        data = read(path)
        name = os.path.basename(path)
        level = [1, 6, 9][number % 3]
        member = gzip.compress(data, compresslevel=level, mtime=0)
        out.add(name + ".gz", member)
        if number % 4 == 0:
            out.add(name + "-truncated.gz", member[: len(member) * 2 // 3])
            out.add(name + "-garbage.gz", member + b"not gzip\n")
            out.add(name + ".zlib", zlib.compress(data, level))
            out.add(name + "-crlf.gz", gzip.compress(data.replace(b"\n", b"\r\n"), mtime=0))
            out.add(name + "-cr.gz", gzip.compress(data.replace(b"\n", b"\r"), mtime=0))
    if len(logs) >= 2:
        out.add(
            "two-members.gz",
            gzip.compress(read(logs[0]), mtime=0) + gzip.compress(read(logs[1]), mtime=0),
        )
    out.add("empty-member.gz", gzip.compress(b"", mtime=0))
    out.add("empty-then-log.gz", gzip.compress(b"", mtime=0) + gzip.compress(read(logs[0]), mtime=0))
    # One long line: the line splitter cuts lines at 64 KiB.
    out.add("long-line.gz", gzip.compress(b"2026-11-23 04:46:25.280625+00:00 [error] <0.1.0> " + b"x" * 70000 + b"\n", mtime=0))


def load_catalogue(path):
    entries = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 6:
                continue
            _, ident, parser, evidence, argv, http_get = fields[:6]
            entries.append(
                {
                    "id": ident,
                    "parser": parser,
                    "evidence": evidence.split(),
                    "argv": argv.split(),
                    "http_get": http_get.split("?")[0],
                }
            )
    return entries


WRAPPERS = {"sudo", "env", "unshare", "runuser", "nice", "stdbuf"}
OPTIONS_WITH_VALUES = {"-n", "--node", "-t", "--timeout", "-u", "--unit", "--within", "-p", "--vhost"}


def command_words(command):
    """The program and its first operands of a transcript's `$ ...` line, past `timeout N`,
    `env X=Y`, `sudo` and the like, without options."""
    try:
        words = shlex.split(command)
    except ValueError:
        words = command.split()
    while words:
        first = os.path.basename(words[0])
        if first == "timeout" and len(words) > 1:
            words = words[2:]
        elif first in WRAPPERS or "=" in words[0] or words[0].startswith("-"):
            words = words[1:]
        else:
            break
    if not words:
        return None, []
    program = os.path.basename(words[0])
    operands = []
    skip = False
    for word in words[1:]:
        if skip:
            skip = False
            continue
        if word in OPTIONS_WITH_VALUES:
            skip = True
            continue
        if word.startswith("-"):
            continue
        operands.append(word)
    return program, operands


def entries_for_command(entries, command):
    program, operands = command_words(command)
    if program is None:
        return []
    if program == "curl":
        paths = [re.sub(r"^https?://[^/]+", "", word).split("?")[0] for word in operands if "/api/" in word]
        return [e for e in entries if e["http_get"] and any(p == e["http_get"] for p in paths)]
    found = []
    for entry in entries:
        argv = entry["argv"]
        if not argv or os.path.basename(argv[0]) != program:
            continue
        subcommands = [word for word in argv[1:] if not word.startswith("-")]
        if program in ("rabbitmqctl", "rabbitmq-diagnostics", "rabbitmq-plugins"):
            if subcommands and operands and operands[0] == subcommands[0]:
                found.append(entry)
        elif program == "ss":
            listening = any("l" in word for word in argv[1:2])
            if listening == ("-l" in command or "-tln" in command or "-ltn" in command):
                found.append(entry)
        else:
            found.append(entry)
    return found


def sections(text):
    """The `## ...` sections of a capture: (header, body)."""
    parts = re.split(rb"(?m)^## (.*)\n", text)
    for number in range(1, len(parts) - 1, 2):
        yield parts[number].decode("utf-8", "replace"), parts[number + 1]


def diagnostics(out, catalogue):
    entries = load_catalogue(catalogue)
    log_entries = [e for e in entries if e["parser"] == "broker-log"]
    bundle_folders = [
        os.path.join("Tests/Fixtures", name)
        for name in sorted(os.listdir(FIXTURES))
        if name.endswith("-bundle") or name in ("broker-3.10", "management-api")
    ]
    for folder in bundle_folders:
        for path in files(folder, ["*"]):
            name = os.path.basename(path)
            names = [name, "api-" + name]
            if os.path.getsize(path) > 256 * 1024:
                continue
            for entry in entries:
                if any(fnmatch.fnmatch(n, pattern) for n in names for pattern in entry["evidence"]):
                    out.add(entry["id"] + "-" + name, entry["id"].encode() + b"\n" + read(path))
    for path in files("Tests/Fixtures/captures", ["*.txt", "*.log"]):
        name = os.path.basename(path)
        if name.endswith(".log"):
            for entry in log_entries:
                out.add(entry["id"] + "-" + name, entry["id"].encode() + b"\n" + read(path)[:128 * 1024])
            continue
        for number, (header, body) in enumerate(sections(read(path))):
            if header.startswith("$ "):
                chosen = entries_for_command(entries, header[2:])
            elif re.match(r"(node log|broker log|log of)", header):
                chosen = log_entries
            else:
                chosen = []
            for entry in chosen:
                out.add("%s-%s-%d" % (entry["id"], name, number), entry["id"].encode() + b"\n" + body[:128 * 1024])


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    target, output = sys.argv[1], sys.argv[2]
    out = Writer(output)
    if target == "front-matter":
        front_matter(out)
    elif target == "log-scan":
        log_scan(out)
    elif target == "gzip":
        gzip_seeds(out)
    elif target == "diagnostics":
        if len(sys.argv) < 4:
            sys.exit("diagnostics needs the catalogue file that fuzz-diagnostics writes")
        diagnostics(out, sys.argv[3])
    elif target == "search":
        pass
    else:
        sys.exit("unknown target %s" % target)
    for path in files("Tests/Fixtures/fuzz-regressions", ["fuzz-%s-*" % target]):
        out.add(os.path.basename(path), read(path))
    print("%s: %d seeds" % (target, out.count))


if __name__ == "__main__":
    main()
