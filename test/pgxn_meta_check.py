#!/usr/bin/env python3
"""Validates META.json against the PGXN Meta Spec 1.0.0 and against the tree.

    python3 test/pgxn_meta_check.py [META_FILE] [--root DIR]
    python3 test/pgxn_meta_check.py --self-test

The rules are written from the spec's text (PGXN RFC 1, "Meta Spec v1",
https://pgxn.org/spec/) and agree with PGXN's v1 JSON schemas; no schema is
copied here and nothing outside the standard library is used.

Spec rules checked: the required keys (name, version, abstract, maintainer,
license, provides, meta-spec); the type of every key; Terms (names,
provides keys, prereq names), Tags, SemVer 2.0.0 Versions and Version
Ranges; the License Strings the spec allows, or a map of names to URIs;
prereqs phases (configure, build, test, runtime, develop) and relationships
(requires, recommends, suggests, conflicts); provides entries (file and
version required, abstract and docfile optional); resources (homepage,
bugtracker {web, mailto}, repository {url, web, type}); no_index {file,
directory}; release_status; meta-spec version 1.0.x; any other key only
with the x_ / X_ prefix, at every level the spec describes.

Checks against the tree (ROOT is the repository, whatever file is checked):
the distribution's and each extension's version equal default_version of
its control file; every path named (provides file and docfile, no_index
entries) exists, as a file or a directory as the key says; a provides file
is an install script, not an upgrade script; the abstracts are close to the
control file's comment.

Exit status 0 and one `ok` line when valid; otherwise one `FAIL` line per
violation on stderr and exit status 1. --self-test breaks copies of the
real META.json in memory, one way each, and asserts each is rejected for
that reason (and that a few valid variants are accepted).
"""

import copy
import json
import os
import re
import sys
import unicodedata
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SPEC_VERSION = "1.0.0"
REQUIRED = ("name", "version", "abstract", "maintainer", "license", "provides", "meta-spec")
OPTIONAL = ("description", "generated_by", "tags", "no_index", "prereqs", "release_status",
            "resources")
# The License Strings of the spec's license section (both tables).
LICENSE_STRINGS = frozenset("""
    agpl_3 apache_1_1 apache_2_0 artistic_1 artistic_2 bsd freebsd gfdl_1_2 gfdl_1_3
    gpl_1 gpl_2 gpl_3 lgpl_2_1 lgpl_3_0 mit mozilla_1_0 mozilla_1_1 openssl perl_5
    postgresql qpl_1_0 ssleay sun zlib open_source restricted unrestricted unknown
""".split())
PHASES = ("configure", "build", "test", "runtime", "develop")
RELATIONSHIPS = ("requires", "recommends", "suggests", "conflicts")
RELEASE_STATUSES = ("stable", "testing", "unstable")
# The meta-spec url, for human consumption: the spec's own address.
META_SPEC_URLS = ("https://pgxn.org/meta/spec.txt", "http://pgxn.org/meta/spec.txt")

# Semantic Versioning 2.0.0: MAJOR.MINOR.PATCH, no leading zeros, optional
# pre-release (numeric identifiers without leading zeros) and build metadata.
_NUM = r"(?:0|[1-9][0-9]*)"
_PRE_ID = r"(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)"
SEMVER = (_NUM + r"\." + _NUM + r"\." + _NUM
          + r"(?:-" + _PRE_ID + r"(?:\." + _PRE_ID + r")*)?"
          + r"(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?")
SEMVER_RE = re.compile(r"\A" + SEMVER + r"\Z")
# One clause of a Version Range: an optional operator, then a Version or 0.
RANGE_CLAUSE_RE = re.compile(r"\A(?:(==|!=|<=|>=|<|>)\s*)?(" + SEMVER + r"|0)\Z")
EMAIL_RE = re.compile(r"\A[^@\s<>]+@[^@\s<>]+\.[^@\s<>.]+\Z")
CUSTOM_KEY_RE = re.compile(r"\A[xX]_.")


class DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs):
    out = {}
    for k, v in pairs:
        if k in out:
            raise DuplicateKey("duplicate key %r in one JSON object" % k)
        out[k] = v
    return out


def parse_json(text):
    return json.loads(text, object_pairs_hook=_no_duplicates)


def read_control(path):
    """The key = 'value' lines of a PostgreSQL extension control file."""
    values = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\s*([A-Za-z_]+)\s*=\s*'((?:[^']|'')*)'\s*(?:#.*)?$", line)
            if m:
                values[m.group(1)] = m.group(2).replace("''", "'")
    return values


def _words(s):
    return set(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", s.lower())) - {
        "a", "an", "and", "the", "of", "in", "for", "with", "to", "as"}


class Checker:
    def __init__(self, meta, root, label="META.json"):
        self.meta = meta
        self.root = root
        self.label = label
        self.checks = 0
        self.errors = []

    # -- helpers ----------------------------------------------------------
    def ok(self, cond, where, msg):
        self.checks += 1
        if not cond:
            self.errors.append("%s: %s" % (where, msg))
        return bool(cond)

    def is_string(self, v, where):
        # Spec, Data Types: a String is a non-zero length sequence of characters.
        if not self.ok(isinstance(v, str), where, "must be a String, got %s" % _kind(v)):
            return False
        return self.ok(len(v) > 0, where, "must be a non-empty String")

    def is_map(self, v, where):
        return self.ok(isinstance(v, dict), where, "must be a Map (JSON object), got %s" % _kind(v))

    def keys_known(self, m, known, where):
        """Keys the spec does not describe must start with x_ or X_."""
        for k in m:
            if k in known:
                continue
            self.ok(bool(CUSTOM_KEY_RE.match(k)), "%s.%s" % (where, k) if where else k,
                    "unknown key: the spec allows only %s here, and custom keys "
                    "must start with x_ or X_" % ", ".join(known))

    def term(self, v, where):
        # Spec, Term: at least two characters; no slash, backslash, control
        # or space characters.
        if not self.is_string(v, where):
            return
        self.ok(len(v) >= 2, where, "Term %r must be at least two characters long" % v)
        bad = [c for c in v if c in "/\\" or c.isspace() or unicodedata.category(c) == "Cc"]
        self.ok(not bad, where, "Term %r must contain no slash, backslash, space or control "
                "character (found %r)" % (v, "".join(sorted(set(bad)))))

    def tag(self, v, where):
        # Spec, Tag: fewer than 256 characters; no slash, backslash or control
        # characters (the v1 schema also asks for at least two).
        if not self.is_string(v, where):
            return
        self.ok(2 <= len(v) < 256, where, "Tag %r must be 2 to 255 characters long" % v)
        bad = [c for c in v if c in "/\\" or unicodedata.category(c) == "Cc"]
        self.ok(not bad, where, "Tag %r must contain no slash, backslash or control "
                "character" % v)

    def version(self, v, where):
        # Spec, Version Format: Semantic Versioning 2.0.0.
        if not self.is_string(v, where):
            return False
        return self.ok(bool(SEMVER_RE.match(v)), where,
                       "%r is not a SemVer 2.0.0 version (MAJOR.MINOR.PATCH[-pre][+build])" % v)

    def version_range(self, v, where):
        # Spec, Version Ranges: 0 (any version), a Version (at least), or
        # comma-separated clauses with <, <=, >, >=, ==, != before a Version.
        if isinstance(v, bool) or (isinstance(v, (int, float)) and not isinstance(v, bool)):
            self.ok(type(v) is int and v == 0, where,
                    "a number is allowed as a Version Range only as 0 (any version), got %r" % v)
            return
        if not self.is_string(v, where):
            return
        clauses = [c.strip() for c in v.split(",")]
        bad = [c for c in clauses if not RANGE_CLAUSE_RE.match(c)]
        self.ok(not bad, where, "%r is not a Version Range (clauses like '1.2.0', '>= 1.2.0', "
                "'!= 1.5.0' or '0', joined by commas; each version SemVer); bad: %s"
                % (v, ", ".join(repr(c) for c in bad)))

    def uri(self, v, where):
        if not self.is_string(v, where):
            return
        p = urllib.parse.urlsplit(v)
        good = (bool(re.match(r"\A[A-Za-z][A-Za-z0-9+.-]*\Z", p.scheme or ""))
                and not re.search(r"\s", v)
                and (bool(p.netloc) if p.scheme.lower() in ("http", "https") else bool(p.path or p.netloc)))
        self.ok(good, where, "%r is not a URI" % v)

    def email(self, v, where):
        if self.is_string(v, where):
            self.ok(bool(EMAIL_RE.match(v)), where, "%r is not an email address" % v)

    def path(self, v, where):
        # Spec: relative paths from the root of the distribution, in unix
        # conventions (the v1 schema: at least 2 characters, no . or ..).
        if not self.is_string(v, where):
            return False
        p = v[2:] if v.startswith("./") else v
        parts = p.rstrip("/").split("/")
        good = self.ok(len(v) >= 2, where, "path %r is too short" % v)
        good &= self.ok(not v.startswith("/") and not re.match(r"\A[A-Za-z]:", v), where,
                        "path %r must be relative to the distribution's root" % v)
        good &= self.ok("\\" not in v, where, "path %r must use unix conventions (/, not \\)" % v)
        good &= self.ok("." not in parts and ".." not in parts and "" not in parts, where,
                        "path %r must not contain '.', '..' or empty components" % v)
        return good

    def string_or_list(self, v, where, each, unique=True):
        """A List, or a String standing for a List of one (spec, Data Types)."""
        if isinstance(v, str):
            each(v, where)
            return [v]
        if not self.ok(isinstance(v, list), where, "must be a List or a String, got %s" % _kind(v)):
            return []
        self.ok(len(v) > 0, where, "must not be an empty List")
        for i, item in enumerate(v):
            each(item, "%s[%d]" % (where, i))
        if unique:
            seen = [json.dumps(x, sort_keys=True) for x in v]
            self.ok(len(seen) == len(set(seen)), where, "List items must be unique")
        return v

    # -- the structure ----------------------------------------------------
    def run(self):
        m = self.meta
        if not self.is_map(m, "(top level)"):
            return self.errors
        # meta-spec first: consumers must abort on a version they do not support.
        if not self.ok("meta-spec" in m, "meta-spec", "required key is missing"):
            return self.errors
        if not self.meta_spec(m["meta-spec"]):
            return self.errors
        for k in REQUIRED:
            self.ok(k in m, k, "required key is missing")
        self.keys_known(m, REQUIRED + OPTIONAL, "")
        if "name" in m:
            self.term(m["name"], "name")
        if "version" in m:
            self.version(m["version"], "version")
        for k in ("abstract", "description", "generated_by"):
            if k in m:
                self.is_string(m[k], k)
        if "maintainer" in m:
            self.string_or_list(m["maintainer"], "maintainer", self.is_string)
        if "license" in m:
            self.license(m["license"])
        if "provides" in m:
            self.provides(m["provides"])
        if "tags" in m:
            # Producers must write a List as an array (spec, Data Types: List).
            if self.ok(isinstance(m["tags"], list), "tags", "must be a List (JSON array)"):
                self.string_or_list(m["tags"], "tags", self.tag)
        if "no_index" in m:
            self.no_index(m["no_index"])
        if "prereqs" in m:
            self.prereqs(m["prereqs"])
        if "release_status" in m:
            v = m["release_status"]
            self.ok(v in RELEASE_STATUSES, "release_status",
                    "%r is not one of %s" % (v, ", ".join(RELEASE_STATUSES)))
        if "resources" in m:
            self.resources(m["resources"])
        self.tree()
        return self.errors

    def meta_spec(self, v):
        if not self.is_map(v, "meta-spec"):
            return False
        self.keys_known(v, ("version", "url"), "meta-spec")
        ver = v.get("version")
        good = self.ok(isinstance(ver, str) and bool(re.match(r"\A1\.0\.[0-9]+\Z", ver)),
                       "meta-spec.version", "must be a 1.0.x version of the PGXN Meta Spec, got "
                       "%r (this checker knows Meta Spec %s)" % (ver, SPEC_VERSION))
        if "url" in v:
            self.uri(v["url"], "meta-spec.url")
            self.ok(v["url"] in META_SPEC_URLS, "meta-spec.url",
                    "%r is not the spec's address (%s)" % (v["url"], META_SPEC_URLS[0]))
        return good

    def license(self, v):
        if isinstance(v, dict):
            # A Map: any string naming a license -> a URI linking to it.
            self.ok(len(v) > 0, "license", "a license Map must name at least one license")
            for name, url in v.items():
                self.ok(len(name.strip()) > 0, "license", "a license name must not be empty")
                self.uri(url, "license.%s" % name)
            return
        def one(s, where):
            if self.is_string(s, where):
                self.ok(s in LICENSE_STRINGS, where, "%r is not a License String of the spec "
                        "(e.g. postgresql, mit, bsd, apache_2_0, gpl_3; or use a Map of "
                        "license names to URIs)" % s)
        if self.ok(isinstance(v, (str, list)), "license",
                   "must be a License String, a List of them, or a Map, got %s" % _kind(v)):
            self.string_or_list(v, "license", one)

    def provides(self, v):
        if not self.is_map(v, "provides"):
            return
        self.ok(len(v) > 0, "provides", "must name at least one extension")
        for ext, entry in v.items():
            where = "provides.%s" % ext
            self.term(ext, "%s (extension name)" % where)
            if not self.is_map(entry, where):
                continue
            self.keys_known(entry, ("file", "version", "abstract", "docfile"), where)
            self.ok("file" in entry, where + ".file", "required key is missing")
            self.ok("version" in entry, where + ".version", "required key is missing")
            if "file" in entry:
                self.path(entry["file"], where + ".file")
            if "docfile" in entry:
                self.path(entry["docfile"], where + ".docfile")
            if "version" in entry:
                self.version(entry["version"], where + ".version")
            if "abstract" in entry:
                self.is_string(entry["abstract"], where + ".abstract")

    def no_index(self, v):
        if not self.is_map(v, "no_index"):
            return
        self.keys_known(v, ("file", "directory"), "no_index")
        self.ok("file" in v or "directory" in v, "no_index", "must have file or directory")
        for k in ("file", "directory"):
            if k in v:
                self.string_or_list(v[k], "no_index.%s" % k, self.path)

    def prereqs(self, v):
        if not self.is_map(v, "prereqs"):
            return
        self.keys_known(v, PHASES, "prereqs")
        self.ok(any(p in v for p in PHASES), "prereqs", "must have at least one phase (%s)"
                % ", ".join(PHASES))
        for phase in PHASES:
            if phase not in v:
                continue
            pw = "prereqs.%s" % phase
            pv = v[phase]
            if not self.is_map(pv, pw):
                continue
            self.keys_known(pv, RELATIONSHIPS, pw)
            self.ok(any(r in pv for r in RELATIONSHIPS), pw,
                    "must have at least one relationship (%s)" % ", ".join(RELATIONSHIPS))
            for rel in RELATIONSHIPS:
                if rel not in pv:
                    continue
                rw = "%s.%s" % (pw, rel)
                rv = pv[rel]
                if not self.is_map(rv, rw):
                    continue
                self.ok(len(rv) > 0, rw, "must name at least one prerequisite")
                for name, rng in rv.items():
                    self.term(name, "%s (prerequisite name)" % rw)
                    self.version_range(rng, "%s.%s" % (rw, name))

    def resources(self, v):
        if not self.is_map(v, "resources"):
            return
        known = ("homepage", "bugtracker", "repository")
        self.keys_known(v, known, "resources")
        self.ok(any(k in v for k in known), "resources",
                "must have homepage, bugtracker or repository")
        if "homepage" in v:
            self.uri(v["homepage"], "resources.homepage")
        if "bugtracker" in v and self.is_map(v["bugtracker"], "resources.bugtracker"):
            b = v["bugtracker"]
            self.keys_known(b, ("web", "mailto"), "resources.bugtracker")
            self.ok("web" in b or "mailto" in b, "resources.bugtracker", "must have web or mailto")
            if "web" in b:
                self.uri(b["web"], "resources.bugtracker.web")
            if "mailto" in b:
                self.email(b["mailto"], "resources.bugtracker.mailto")
        if "repository" in v and self.is_map(v["repository"], "resources.repository"):
            r = v["repository"]
            self.keys_known(r, ("url", "web", "type"), "resources.repository")
            self.ok("url" in r or "web" in r, "resources.repository", "must have url or web")
            for k in ("url", "web"):
                if k in r:
                    self.uri(r[k], "resources.repository.%s" % k)
            # "producers should provide a type whenever a url key is given"
            if "url" in r:
                self.ok("type" in r, "resources.repository.type",
                        "must be given with url (a URI is ambiguous as to the VCS)")
            if "type" in r and self.is_string(r["type"], "resources.repository.type"):
                self.ok(bool(re.match(r"\A[a-z]+\Z", r["type"])), "resources.repository.type",
                        "%r must be a lowercase VCS name such as git" % r["type"])

    # -- the tree ---------------------------------------------------------
    def exists(self, p, where, kind):
        if not isinstance(p, str):
            return
        full = os.path.join(self.root, p)
        test = os.path.isdir if kind == "directory" else os.path.isfile
        self.ok(test(full), where, "%s %r does not exist in %s" % (kind, p, self.root))

    def tree(self):
        m = self.meta
        provides = m.get("provides") if isinstance(m.get("provides"), dict) else {}
        for ext, entry in provides.items():
            if not isinstance(entry, dict):
                continue
            where = "provides.%s" % ext
            for k in ("file", "docfile"):
                if k in entry:
                    self.exists(entry[k], "%s.%s" % (where, k), "file")
            f = entry.get("file")
            if isinstance(f, str):
                self.ok(not re.search(r"--[^/]*--[^/]*\.sql\Z", f), where + ".file",
                        "%r is an upgrade script; provides.file must be the full install "
                        "script" % f)
            control = self.find_control(ext, f if isinstance(f, str) else None)
            if not self.ok(control is not None, where, "no control file %s.control found (at "
                           "the root, in extension/, or beside the file)" % ext):
                continue
            ctl = read_control(os.path.join(self.root, control))
            default = ctl.get("default_version")
            self.ok(default is not None, control, "has no default_version")
            if default is None:
                continue
            self.ok(entry.get("version") == default, where + ".version",
                    "%r differs from default_version %r in %s" % (entry.get("version"), default,
                                                                   control))
            if ext == m.get("name"):
                self.ok(m.get("version") == default, "version",
                        "%r differs from default_version %r in %s (the distribution is named "
                        "after this extension)" % (m.get("version"), default, control))
            comment = ctl.get("comment", "")
            for key, ab in ((where + ".abstract", entry.get("abstract")),
                            ("abstract", m.get("abstract") if ext == m.get("name") else None)):
                if not (isinstance(ab, str) and ab and comment):
                    continue
                want = _words(comment)
                share = len(want & _words(ab)) / len(want) if want else 1.0
                self.ok(share >= 0.6, key, "%r shares %d%% of the words of the control file's "
                        "comment %r (60%% needed)" % (ab, round(100 * share), comment))
        ni = m.get("no_index") if isinstance(m.get("no_index"), dict) else {}
        for k in ("file", "directory"):
            items = ni.get(k)
            for i, p in enumerate([items] if isinstance(items, str) else items or []):
                self.exists(p, "no_index.%s[%d]" % (k, i), k)

    def find_control(self, ext, file):
        cands = [ext + ".control", os.path.join("extension", ext + ".control")]
        if file:
            cands.append(os.path.join(os.path.dirname(file), ext + ".control"))
        for c in cands:
            if os.path.isfile(os.path.join(self.root, c)):
                return c
        return None


def _kind(v):
    return {dict: "a Map", list: "a List", str: "a String", bool: "a Boolean",
            int: "a number", float: "a number", type(None): "null"}.get(type(v), type(v).__name__)


def check(meta, root, label="META.json"):
    c = Checker(meta, root, label)
    c.run()
    return c


def main_check(path, root):
    label = path
    try:
        with open(path, encoding="utf-8") as f:
            meta = parse_json(f.read())
    except (OSError, ValueError) as e:
        print("FAIL %s: cannot be read as JSON: %s" % (label, e), file=sys.stderr)
        return 1
    c = check(meta, root, label)
    if c.errors:
        for e in c.errors:
            print("FAIL %s: %s" % (label, e), file=sys.stderr)
        print("FAIL %s: %d violation(s) of PGXN Meta Spec %s or of the tree (%d checks)"
              % (label, len(c.errors), SPEC_VERSION, c.checks), file=sys.stderr)
        return 1
    print("ok   %s is valid PGXN Meta Spec %s (%d checks)" % (label, SPEC_VERSION, c.checks))
    return 0


# -- self-test ------------------------------------------------------------
def _set(path, value):
    def f(m):
        d = m
        for k in path[:-1]:
            d = d[k]
        d[path[-1]] = value
    return f


def _del(path):
    def f(m):
        d = m
        for k in path[:-1]:
            d = d[k]
        del d[path[-1]]
    return f


def _ext(m):
    return next(iter(m["provides"]))


def self_test(path, root):
    with open(path, encoding="utf-8") as f:
        base = parse_json(f.read())
    failures = []
    c = check(base, root)
    if c.errors:
        failures.append("the real META.json must pass first: " + "; ".join(c.errors))
    ext = _ext(base)
    P = ("provides", ext)
    # (what is broken, mutation, a word the error must contain)
    broken = [
        ("bad SemVer version", _set(("version",), "0.9"), "SemVer"),
        ("SemVer with a leading zero", _set(("version",), "0.09.0"), "SemVer"),
        ("bad SemVer in provides", _set(P + ("version",), "v0.9.0"), "SemVer"),
        ("version differs from the control file", _set(("version",), "0.9.1"),
         "default_version"),
        ("provides version differs from the control file", _set(P + ("version",), "1.0.0"),
         "default_version"),
        ("missing abstract", _del(("abstract",)), "abstract: required"),
        ("empty abstract", _set(("abstract",), ""), "non-empty"),
        ("missing maintainer", _del(("maintainer",)), "maintainer: required"),
        ("empty maintainer list", _set(("maintainer",), []), "empty List"),
        ("missing provides", _del(("provides",)), "provides: required"),
        ("missing meta-spec", _del(("meta-spec",)), "meta-spec: required"),
        ("meta-spec 2.0.0", _set(("meta-spec", "version"), "2.0.0"), "1.0.x"),
        ("unknown top-level key", _set(("homepage",), "https://example.org/"), "unknown key"),
        ("unknown key in provides entry", _set(P + ("docpath",), "doc/x"), "unknown key"),
        ("bad license string", _set(("license",), "postgres"), "License String"),
        ("bad license in a list", _set(("license",), ["postgresql", "wtfpl"]), "License String"),
        ("license map value not a URI", _set(("license",), {"PostgreSQL": "the licence"}),
         "not a URI"),
        ("license as a number", _set(("license",), 1), "License String"),
        ("bad prereq relationship", _set(("prereqs", "runtime", "needs"), {"plpgsql": 0}),
         "unknown key"),
        ("bad prereq phase", _set(("prereqs", "install"), {"requires": {"plpgsql": 0}}),
         "unknown key"),
        ("empty prereq phase", _set(("prereqs", "develop"), {}), "at least one relationship"),
        ("non-SemVer version range", _set(("prereqs", "runtime", "requires", "PostgreSQL"),
                                          ">= 15"), "Version Range"),
        ("bad range operator", _set(("prereqs", "runtime", "requires", "PostgreSQL"),
                                    "=> 15.0.0"), "Version Range"),
        ("range as a number other than 0", _set(("prereqs", "runtime", "requires", "plpgsql"), 1),
         "only as 0"),
        ("prereq name with a space", _set(("prereqs", "runtime", "requires", "pl pgsql"), 0),
         "Term"),
        ("distribution name with a slash", _set(("name",), "text/sense"), "Term"),
        ("one-character name", _set(("name",), "t"), "two characters"),
        ("tag with a slash", _set(("tags",), ["nlp", "text/analytics"]), "Tag"),
        ("tag of 256 characters", _set(("tags",), ["x" * 256]), "2 to 255"),
        ("duplicate tags", _set(("tags",), ["nlp", "nlp"]), "unique"),
        ("tags as a string", _set(("tags",), "nlp"), "JSON array"),
        ("provides entry without file", _del(P + ("file",)), "file: required"),
        ("provides entry without version", _del(P + ("version",)), "version: required"),
        ("provides file missing from the tree", _set(P + ("file",), "extension/nope.sql"),
         "does not exist"),
        ("provides file is an upgrade script",
         _set(P + ("file",), "extension/textsense--0.8.0--0.9.0.sql"), "upgrade script"),
        ("absolute docfile", _set(P + ("docfile",), "/docs/sql-reference.md"), "relative"),
        ("docfile with ..", _set(P + ("docfile",), "docs/../README.md"), "'..'"),
        ("docfile with a backslash", _set(P + ("docfile",), "docs\\sql-reference.md"),
         "unix conventions"),
        ("provides abstract unrelated to the control comment",
         _set(P + ("abstract",), "Unit testing for PostgreSQL"), "comment"),
        ("no_index directory missing from the tree",
         _set(("no_index", "directory"), ["bench", "nope"]), "does not exist"),
        ("no_index file that is a directory", _set(("no_index", "file"), ["bench"]),
         "does not exist"),
        ("unknown no_index key", _set(("no_index", "dirs"), ["bench"]), "unknown key"),
        ("bad release_status", _set(("release_status",), "beta"), "release_status"),
        ("empty resources", _set(("resources",), {}), "homepage, bugtracker or repository"),
        ("homepage not a URI", _set(("resources",), {"homepage": "textsense home"}), "URI"),
        ("unknown bugtracker key", _set(("resources",), {"bugtracker": {"url": "https://x.org/"}}),
         "unknown key"),
        ("bugtracker mailto not an email", _set(("resources",), {"bugtracker": {"mailto": "bugs"}}),
         "email"),
        ("repository url without type",
         _set(("resources",), {"repository": {"url": "https://x.org/r.git"}}), "type"),
        ("repository type not lowercase",
         _set(("resources",), {"repository": {"web": "https://x.org/r", "type": "Git"}}),
         "lowercase"),
        ("description of another type", _set(("description",), ["a", "b"]), "String"),
    ]
    valid = [
        ("x_ custom key at the top level", _set(("x_note",), {"any": "thing"})),
        ("X_ custom key in a provides entry", _set(P + ("X_extra",), 1)),
        ("license as a License String", _set(("license",), "postgresql")),
        ("license as a List", _set(("license",), ["postgresql", "mit"])),
        ("a full resources Map", _set(("resources",), {
            "homepage": "https://example.org/",
            "bugtracker": {"web": "https://example.org/issues", "mailto": "bugs@example.org"},
            "repository": {"url": "https://example.org/r.git", "web": "https://example.org/r",
                           "type": "git"},
            "x_chat": "https://example.org/chat"})),
        ("a compound Version Range", _set(("prereqs", "runtime", "requires", "PostgreSQL"),
                                          ">= 15.0.0, != 15.1.0, < 16.0.0")),
        ("a pre-release SemVer range", _set(("prereqs", "develop"),
                                            {"suggests": {"pgtap": "1.0.0-rc.1+build.5"}})),
        ("maintainer as a List", _set(("maintainer",), ["A <a@example.org>", "B"])),
        ("no_index file as a String", _set(("no_index", "file"), "Makefile")),
    ]
    for name, mutate, expect in broken:
        m = copy.deepcopy(base)
        mutate(m)
        errs = check(m, root).errors
        if not errs:
            failures.append("not rejected: %s" % name)
        elif not any(expect.lower() in e.lower() for e in errs):
            failures.append("rejected for another reason: %s (wanted %r): %s"
                            % (name, expect, "; ".join(errs)))
    for name, mutate in valid:
        m = copy.deepcopy(base)
        mutate(m)
        errs = check(m, root).errors
        if errs:
            failures.append("valid variant rejected: %s: %s" % (name, "; ".join(errs)))
    # A document that is not a Map at all.
    if not check(["not", "a", "map"], root).errors:
        failures.append("not rejected: top level not a Map")
    # A duplicate key is caught when the JSON is read.
    try:
        parse_json('{"name": "a1", "name": "b2"}')
        failures.append("not rejected: duplicate JSON key")
    except DuplicateKey:
        pass
    if failures:
        for f in failures:
            print("FAIL self-test: %s" % f, file=sys.stderr)
        return 1
    print("ok   self-test: %d broken copies of META.json rejected (and a duplicate JSON key), "
          "%d valid variants accepted" % (len(broken), len(valid)))
    return 0


def main(argv):
    args = list(argv)
    root = ROOT
    if "--root" in args:
        i = args.index("--root")
        if i + 1 >= len(args):
            print("usage: pgxn_meta_check.py [META_FILE] [--root DIR] [--self-test]",
                  file=sys.stderr)
            return 2
        root = os.path.abspath(args[i + 1])
        del args[i:i + 2]
    selftest = "--self-test" in args
    args = [a for a in args if a != "--self-test"]
    if len(args) > 1 or any(a.startswith("-") for a in args):
        print("usage: pgxn_meta_check.py [META_FILE] [--root DIR] [--self-test]",
              file=sys.stderr)
        return 2
    if args:
        path = args[0]
    else:
        path = os.path.relpath(os.path.join(root, "META.json"))
    if selftest:
        return self_test(path, root)
    return main_check(path, root)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
