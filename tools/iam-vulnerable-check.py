#!/usr/bin/env python3
"""Runs PRIVILEGE_ESCALATION over BishopFox's iam-vulnerable privilege-escalation paths.

iam-vulnerable (https://github.com/BishopFox/iam-vulnerable) writes each path as Terraform: an
aws_iam_policy whose policy is a jsonencode({...}) expression or an aws_iam_policy_document data
source, attached to a user and a role. This script reads a checkout (never committed here), turns
every policy into policy JSON, merges the policies attached to one user or role (directly or via a
group) into one identity policy (the union of identity policies is their statements together),
runs the project's jar over them and prints, per path, whether PRIVILEGE_ESCALATION is reported.

Expected: every privesc-paths/* and tool-testing/fn* case ("false negative" tests) is reported;
no tool-testing/fp* case ("false positive" tests) is. A case whose escalation needs something no
identity policy says (a permissive role trust policy) is listed as not expressible.

Usage: iam-vulnerable-check.py CHECKOUT --jar server/target/iam-policy-ls.jar [--out DIR] [-v]
Exit status: 0 when every expressible case is as expected, 1 otherwise.
Python 3, standard library only.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ACCOUNT = "123456789012"

# ---------------------------------------------------------------- a small reader of Terraform


class Ref(str):
    """A bare reference such as aws_iam_policy.x.arn or var.y."""


TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*|//[^\n]*|/\*.*?\*/)
  | (?P<string>"(?:[^"\\]|\\.)*")
  | (?P<number>-?\d+(?:\.\d+)?)
  | (?P<ident>[A-Za-z_][A-Za-z0-9_.\-*]*)
  | (?P<punct>[{}\[\](),=:])
""",
    re.VERBOSE | re.DOTALL,
)


def tokens(text):
    pos = 0
    out = []
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            raise ValueError("cannot read Terraform at %r" % text[pos : pos + 40])
        pos = m.end()
        kind = m.lastgroup
        if kind in ("ws", "comment"):
            continue
        value = m.group(kind)
        if kind == "string":
            value = json.loads(value)
        out.append((kind, value))
    return out


class Parser:
    def __init__(self, text):
        self.toks = tokens(text)
        self.i = 0

    def peek(self, k=0):
        j = self.i + k
        return self.toks[j] if j < len(self.toks) else (None, None)

    def take(self, value=None):
        tok = self.peek()
        if value is not None and tok[1] != value:
            raise ValueError("expected %r, found %r" % (value, tok))
        self.i += 1
        return tok

    def body(self, end):
        """Attributes (key = expr) and nested blocks (type "label"... { body }) up to `end`."""
        attrs, blocks = {}, []
        while self.peek()[1] != end and self.peek()[0] is not None:
            kind, key = self.take()
            if self.peek()[1] in ("=", ":"):
                self.take()
                attrs[key] = self.expr()
            else:
                labels = []
                while self.peek()[0] == "string":
                    labels.append(self.take()[1])
                self.take("{")
                inner = self.body("}")
                self.take("}")
                blocks.append((key, labels, inner))
            if self.peek()[1] == ",":
                self.take()
        return attrs, blocks

    def expr(self):
        kind, value = self.take()
        if kind == "string":
            return value
        if kind == "number":
            return float(value) if "." in value else int(value)
        if value == "[":
            items = []
            while self.peek()[1] != "]":
                items.append(self.expr())
                if self.peek()[1] == ",":
                    self.take()
            self.take("]")
            return items
        if value == "{":
            obj = {}
            while self.peek()[1] != "}":
                key = self.take()[1]
                self.take()  # = or :
                obj[key] = self.expr()
                if self.peek()[1] == ",":
                    self.take()
            self.take("}")
            return obj
        if kind == "ident" and self.peek()[1] == "(":
            self.take("(")
            arg = self.expr()
            self.take(")")
            return arg if value == "jsonencode" else Ref("%s(...)" % value)
        if value in ("true", "false"):
            return value == "true"
        return Ref(value)


# ---------------------------------------------------------------- from Terraform to policies


def document(attrs_blocks):
    """An aws_iam_policy_document data source as policy JSON."""
    _, blocks = attrs_blocks
    statements = []
    for kind, _, (attrs, inner) in blocks:
        if kind != "statement":
            continue
        s = {"Effect": attrs.get("effect", "Allow")}
        if "sid" in attrs:
            s["Sid"] = attrs["sid"]
        for tf, key in (
            ("actions", "Action"),
            ("not_actions", "NotAction"),
            ("resources", "Resource"),
            ("not_resources", "NotResource"),
        ):
            if tf in attrs:
                s[key] = attrs[tf]
        for ckind, _, (cattrs, _) in inner:
            if ckind == "condition":
                s.setdefault("Condition", {}).setdefault(cattrs["test"], {})[
                    cattrs["variable"]
                ] = cattrs["values"]
        statements.append(s)
    return {"Version": "2012-10-17", "Statement": statements}


def resolve(value, names):
    """References to IAM resources become their ARNs; other references stay visible."""
    if isinstance(value, Ref):
        parts = value.split(".")
        if len(parts) == 3 and parts[0] in names and parts[2] in ("arn", "name", "id"):
            kind, name = parts[0], names[parts[0]].get(parts[1], parts[1])
            if parts[2] != "arn":
                return name
            noun = {"aws_iam_role": "role", "aws_iam_user": "user", "aws_iam_group": "group"}
            return "arn:aws:iam::%s:%s/%s" % (ACCOUNT, noun.get(kind, "policy"), name)
        return "${%s}" % value
    if isinstance(value, list):
        return [resolve(v, names) for v in value]
    if isinstance(value, dict):
        return {k: resolve(v, names) for k, v in value.items()}
    return value


def read_checkout(root):
    """Every .tf file under modules/free-resources: its top-level blocks, with their file."""
    base = os.path.join(root, "modules", "free-resources")
    found = []
    for folder in ("privesc-paths", "tool-testing"):
        for name in sorted(os.listdir(os.path.join(base, folder))):
            if name.endswith(".tf"):
                path = os.path.join(base, folder, name)
                with open(path, encoding="utf-8") as f:
                    attrs, blocks = Parser(f.read()).body(None)
                found.append((folder + "/" + name, blocks))
    return found


def policies_by_case(files):
    names, docs, policies, attachments, groups = {}, {}, {}, [], {}
    for case, blocks in files:
        for kind, labels, (attrs, inner) in blocks:
            if kind == "resource" and len(labels) == 2:
                names.setdefault(labels[0], {})[labels[1]] = attrs.get("name", labels[1])
            if kind == "data" and labels and labels[0] == "aws_iam_policy_document":
                docs[labels[1]] = document((attrs, inner))
    for case, blocks in files:
        for kind, labels, (attrs, inner) in blocks:
            if kind != "resource" or len(labels) != 2:
                continue
            rtype, rname = labels
            if rtype == "aws_iam_policy":
                policy = attrs.get("policy")
                if isinstance(policy, Ref) and policy.startswith("data.aws_iam_policy_document."):
                    policy = docs[policy.split(".")[2]]
                policies[rname] = (case, resolve(policy, names))
            elif rtype in ("aws_iam_user_policy_attachment", "aws_iam_role_policy_attachment",
                           "aws_iam_group_policy_attachment"):
                who = attrs.get("user") or attrs.get("role") or attrs.get("group")
                attachments.append((case, rtype.split("_")[2], who.split(".")[1],
                                    attrs["policy_arn"]))
            elif rtype == "aws_iam_group_membership":
                group = attrs["group"].split(".")[1]
                for user in attrs.get("users", []):
                    groups.setdefault(user.split(".")[1], []).append(group)
    # The policies each user or role holds: its own and its groups'.
    held = {}
    for case, kind, who, arn in attachments:
        if isinstance(arn, Ref) and arn.startswith("aws_iam_policy."):
            held.setdefault((kind, who), []).append(arn.split(".")[1])
    for user, gs in groups.items():
        for g in gs:
            held.setdefault(("user", user), []).extend(held.get(("group", g), []))
    # One case per policy; a user or role holding several gets their union as its own case.
    cases = {}
    for name, (case, policy) in policies.items():
        cases.setdefault(case, {})["policy " + name] = policy
    for (kind, who), names_held in held.items():
        if kind != "group" and len(set(names_held)) > 1:
            merged = {"Version": "2012-10-17", "Statement": []}
            for n in sorted(set(names_held)):
                statements = policies[n][1]["Statement"]
                merged["Statement"].extend(statements if isinstance(statements, list) else [statements])
            cases.setdefault(policies[names_held[0]][0], {})[kind + " " + who] = merged
    return cases


# ---------------------------------------------------------------- running the checker


# Cases whose escalation no single identity policy's text holds, with the reason.
NOT_IN_ONE_POLICY = {
    "privesc-AssumeRole.tf": "a chain of role trust policies; its one identity policy is the"
    " admin target (FULL_ADMIN_ACCESS)",
    "privesc-permissive-role-trust.tf": "a role trust policy that lets the account in",
    "fn2-ExploitableResourceConstraint.tf": "policy/fn2-* holds the attached policy only by its"
    " name, which the policy text does not say",
    "sre.tf": "an administrators' policy that other paths reach, not a path",
    "service-linked-role-common.tf": "the privileged role other paths pass, not a path",
    "variables.tf": "Terraform variables",
}

# What reports an escalation: the method, or full administrator access, which stands alone.
CODES = ("PRIVILEGE_ESCALATION", "FULL_ADMIN_ACCESS")


def expectation(case):
    name = case.split("/")[1]
    if name in NOT_IN_ONE_POLICY:
        return None
    return not name.startswith("fp")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("checkout")
    ap.add_argument("--jar", required=True)
    ap.add_argument("--out", help="write the extracted policies here (default: a temporary folder)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    tf_files = read_checkout(args.checkout)
    all_cases = [case for case, _ in tf_files]
    cases = policies_by_case(tf_files)
    out = args.out or tempfile.mkdtemp(prefix="iam-vulnerable-")
    os.makedirs(out, exist_ok=True)
    files = {}
    for case, named in cases.items():
        for label, policy in named.items():
            fname = re.sub(r"[^A-Za-z0-9_.-]+", "_", case.split("/")[1][:-3] + "__" + label) + ".json"
            with open(os.path.join(out, fname), "w", encoding="utf-8") as f:
                json.dump(policy, f, indent=2)
            files[fname] = (case, label)
    run = subprocess.run(
        ["java", "-jar", args.jar, "check", "--format", "json", "--policy-type", "IDENTITY_POLICY", out],
        capture_output=True, text=True)
    report = json.loads(run.stdout)
    reported = {}
    for item in report.get("files", report if isinstance(report, list) else []):
        path = os.path.basename(item.get("path", item.get("file", "")))
        for finding in item.get("findings", item.get("diagnostics", [])):
            if finding.get("code") in CODES:
                method = re.sub(r"Allows privilege escalation by (\w+).*", r"\1",
                                finding.get("message", ""))
                reported.setdefault(path, []).append(
                    method if finding["code"] == CODES[0] else finding["code"])

    by_case = {case: [] for case in all_cases}
    for fname, (case, label) in files.items():
        by_case.setdefault(case, []).append((label, fname in reported, reported.get(fname, [])))
    wrong = 0
    print("%-66s %-9s %-8s %s" % ("case", "expected", "reported", "by"))
    for case in sorted(by_case, key=lambda c: (c.split("/")[0], c)):
        want = expectation(case)
        # What a user or role of the case holds decides: the merged policies where one holds
        # several (an Allow in one, its Deny in another), else each policy alone.
        entries = by_case[case]
        held = [e for e in entries if not e[0].startswith("policy ")]
        judged = held or entries
        got = any(r for _, r, _ in judged)
        methods = sorted({m for _, _, ms in judged for m in ms})
        mark = "" if want is None or want == got else "  <-- NOT AS EXPECTED"
        if want is None:
            mark = "  (" + NOT_IN_ONE_POLICY[case.split("/")[1]] + ")"
        wrong += want is not None and want != got
        shown = {True: "yes", False: "no", None: "n/a"}
        print("%-66s %-9s %-8s %s%s" % (case, shown[want], shown[got], ",".join(methods), mark))
        if args.verbose:
            for label, r, ms in by_case[case]:
                print("    %-50s %s" % (label, "reported" if r else "-"))
    print("\n%d case(s) not as expected; policies in %s" % (wrong, out))
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
