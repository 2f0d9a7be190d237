#!/usr/bin/env python3
"""How far iam-policy-ls agrees with Parliament's own unit tests.

Parliament (github.com/duo-labs/parliament) tests its analyzer with policies and the set of issue
kinds it expects for each. This script reads those tests from a checkout (nothing of theirs is
kept here), maps each of Parliament's issue kinds to the codes of ours that report the same
problem, runs our jar over every policy and prints, per case, whether the two agree.

A case is mappable when each kind it expects has a counterpart here (MAPPING); two kinds have
none: MISMATCHED_TYPE_BUT_USABLE (StringEquals on an ARN key, which IAM accepts) and
BAD_PATTERN_FOR_MFA (Bool aws:MultiFactorAuthPresent false in an Allow). Agreement: each kind
Parliament expects is reported by one of its codes, and no code of a kind Parliament checked in
that case (its community auditors only when the case turns them on) is reported beyond those.
Our other codes, which Parliament has no check for, do not count.

Usage: tools/parliament-agreement.py PARLIAMENT_CHECKOUT [JAR] [-v]
"""
import ast
import json
import os
import subprocess
import sys
import tempfile

# Parliament issue kind -> the codes of ours that report it. Any one of them agrees.
MAPPING = {
    "MALFORMED_JSON": {"JSON_SYNTAX_ERROR"},
    # Missing or clashing elements; Parliament files them all under one kind.
    "MALFORMED": {
        "MISSING_ACTION",
        "MISSING_EFFECT",
        "MISSING_RESOURCE",
        "MISSING_STATEMENT",
        "MISSING_PRINCIPAL",
        "UNSUPPORTED_ELEMENT_COMBINATION",
        "INVALID_POLICY_ELEMENT",
        "INVALID_EFFECT",
        "EMPTY_ARRAY_ACTION",
        "EMPTY_ARRAY_RESOURCE",
    },
    "INVALID_SID": {"UNSUPPORTED_SID"},
    "DUPLICATE_SID": {"UNIQUE_SIDS_REQUIRED", "UNIQUE_SIDS_RECOMMENDED"},
    "UNKNOWN_ACTION": {"INVALID_ACTION"},
    "UNKNOWN_PREFIX": {"INVALID_SERVICE_IN_ACTION", "INVALID_SERVICE"},
    "UNKNOWN_OPERATOR": {"INVALID_CONDITION_OPERATOR"},
    "UNKNOWN_CONDITION_FOR_ACTION": {
        "INVALID_CONDITION_KEY_FORMAT",
        "UNSUPPORTED_ACTION_FOR_CONDITION_KEY",
        "MISSING_ACTION_FOR_CONDITION_KEY",
        "INVALID_SERVICE_CONDITION_KEY",
        "INVALID_GLOBAL_CONDITION_KEY",
        "STATEMENT_NEVER_APPLIES",
        # A negated test of a key no action carries: true for every request.
        "CONDITION_ALWAYS_TRUE",
    },
    "MISMATCHED_TYPE": {
        "TYPE_MISMATCH",
        "TYPE_MISMATCH_BOOLEAN",
        "TYPE_MISMATCH_DATE",
        "TYPE_MISMATCH_IP_RANGE",
        "TYPE_MISMATCH_NUMBER",
        "TYPE_MISMATCH_STRING",
        "DATA_TYPE_MISMATCH",
        "INVALID_CONDITION_DATA_TYPE",
    },
    "RESOURCE_MISMATCH": {"RESOURCE_MISMATCH"},
    "RESOURCE_STAR": {"RESOURCE_STAR"},
    # A pattern as broad as "*" for its actions (arn:aws:s3:::*/* for object actions): ours says
    # RESOURCE_STAR for both.
    "RESOURCE_EFFECTIVELY_STAR": {"RESOURCE_STAR"},
    # Writing the policy of a resource one may read (s3:PutBucketPolicy with s3:GetObject): ours
    # says PRIVILEGE_ESCALATION for a named resource, PERMISSIONS_MANAGEMENT (which names the
    # policy-writing action) when it reaches every resource.
    "RESOURCE_POLICY_PRIVILEGE_ESCALATION": {"PRIVILEGE_ESCALATION", "PERMISSIONS_MANAGEMENT"},
    "INVALID_ARN": {
        # A Resource entry that is no string at all (an unresolved Fn::Sub).
        "INVALID_POLICY_ELEMENT",
        "INVALID_ARN_ACCOUNT",
        "INVALID_ARN_PREFIX",
        "INVALID_ARN_REGION",
        "INVALID_ARN_RESOURCE",
        "INVALID_ARN_SERVICE_CASE",
        "INVALID_PARTITION",
        "MISSING_ARN_FIELD",
        "MISSING_ARN_ACCOUNT",
        "MISSING_ARN_REGION",
    },
    "NOTRESOURCE_WITH_ALLOW": {"ALLOW_WITH_NOT_RESOURCE"},
    "NOTPRINCIPAL_WITH_ALLOW": {"ALLOW_WITH_NOT_PRINCIPAL"},
    "PRIVILEGE_ESCALATION": {"PRIVILEGE_ESCALATION"},
    "CREDENTIALS_EXPOSURE": {"CREDENTIALS_EXPOSURE"},
    "PERMISSIONS_MANAGEMENT_ACTIONS": {"PERMISSIONS_MANAGEMENT"},
    # Parliament's sensitive_access auditor reports the actions and resources a case configures:
    # our guardrails, written from the case's configuration (see guardrails()). It only runs with
    # a configuration, so it is checked only in the cases that pass one.
    "SENSITIVE_ACCESS": {"GUARDRAIL_VIOLATION"},
    "SINGLE_VALUE_CONDITION_TOO_PERMISSIVE": {"FORALLVALUES_WITH_SINGLE_VALUED_KEY"},
}

# The kinds only Parliament's community auditors report: checked only when a case turns them on.
COMMUNITY = {
    "PRIVILEGE_ESCALATION",
    "CREDENTIALS_EXPOSURE",
    "PERMISSIONS_MANAGEMENT_ACTIONS",
    "SENSITIVE_ACCESS",
    "NOTRESOURCE_WITH_ALLOW",
    "NOTPRINCIPAL_WITH_ALLOW",
    "SINGLE_VALUE_CONDITION_TOO_PERMISSIVE",
}

# Why we differ where we do, by test (file::function): our verdict on each disagreement.
VERDICTS = {
    "test_formatting.py::test_condition_operator": "their rule differs: an unknown operator has no"
    " type, so we report the operator only",
    "test_patterns.py::test_resource_policy_privilege_escalation_at_bucket_level": "their rule"
    " differs: s3:*Bucket* with buckets and objects is no mismatch to us; a wildcard may match"
    " actions of other types, only a string none of whose actions fit is one",
    "test_advanced_policy_elements.py::test_notresource_allow": "their rule differs: NotResource"
    " names what is left out, so its ARNs need not fit the actions",
    "test_advanced_policy_elements.py::test_notprincipal_allow": "their test policy has a trailing"
    " comma, which IAM rejects and we report as JSON_SYNTAX_ERROR (their parser is lenient)",
    "test_credentials_exposure.py::test_credentials_management": "their data differs:"
    " redshift:GetClusterCredentials is Write (not Permissions management) in the AWS reference,"
    " and RESOURCE_STAR leaves out actions named like reads; CREDENTIALS_EXPOSURE covers it",
}

TEST_DIRS = ("tests/unit", "parliament/community_auditors/tests")


def literal(node, names):
    """The value of a string or set expression in a test, or None when it is not a constant."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.JoinedStr):
        return None
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        items = [literal(e, names) for e in node.elts]
        if any(i is None or not isinstance(i, (str, int, float)) for i in items):
            return None
        return set(items)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "set":
        if not node.args:
            return set()
        inner = literal(node.args[0], names)
        return set(inner) if isinstance(inner, (set, list, tuple)) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        a, b = literal(node.left, names), literal(node.right, names)
        return a | b if isinstance(a, set) and isinstance(b, set) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        a, b = literal(node.left, names), literal(node.right, names)
        return a + b if isinstance(a, str) and isinstance(b, str) else None
    return None


def config_value(node):
    """A configuration passed to analyze_policy_string, when it is a plain literal; else None."""
    if node is None:
        return None
    try:
        return ast.literal_eval(node)
    except ValueError:
        return None


def guardrails(config):
    """Our configuration for Parliament's SENSITIVE_ACCESS resources: one guardrail each."""
    rails = []
    for entry in (config or {}).get("SENSITIVE_ACCESS", {}).get("resources", []):
        for action, resources in entry.items():
            rails.append(
                {"name": f"sensitive-{len(rails)}", "actions": [action], "resources": resources}
            )
    return {"guardrails": rails}


def finding_ids_of(test):
    """The expected set when a node asserts policy.finding_ids == X or assert_equal(.., X)."""
    def is_ids(n):
        return isinstance(n, ast.Attribute) and n.attr == "finding_ids"

    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq):
        if is_ids(test.left):
            return test.comparators[0]
        if (
            isinstance(test.left, ast.Call)
            and getattr(test.left.func, "id", "") == "len"
            and test.left.args
            and isinstance(test.left.args[0], ast.Attribute)
            and test.left.args[0].attr == "findings"
            and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value == 0
        ):
            return ast.Call(func=ast.Name(id="set"), args=[], keywords=[])
    if (
        isinstance(test, ast.Call)
        and getattr(test.func, "id", "") == "assert_equal"
        and len(test.args) == 2
        and is_ids(test.args[0])
    ):
        return test.args[1]
    return None


def cases(checkout):
    """(name, policy text, expected kinds, (community auditors on, configured)) for every case."""
    found = []
    for d in TEST_DIRS:
        folder = os.path.join(checkout, d)
        if not os.path.isdir(folder):
            continue
        for file in sorted(os.listdir(folder)):
            if not (file.startswith("test_") and file.endswith(".py")):
                continue
            tree = ast.parse(open(os.path.join(folder, file), encoding="utf-8").read())
            module_names = {}
            for node in tree.body:
                if isinstance(node, ast.Assign) and len(node.targets) == 1:
                    target = node.targets[0]
                    if isinstance(target, ast.Name):
                        module_names[target.id] = literal(node.value, module_names)
            for fn in ast.walk(tree):
                if not isinstance(fn, ast.FunctionDef) or not fn.name.startswith("test"):
                    continue
                names = dict(module_names)
                nodes = {}
                current = None
                for node in ast.walk(fn):
                    if isinstance(node, ast.Assign) and len(node.targets) == 1:
                        target = node.targets[0]
                        value = node.value
                        if (
                            isinstance(value, ast.Call)
                            and getattr(value.func, "id", "") == "analyze_policy_string"
                            and value.args
                        ):
                            text = literal(value.args[0], names)
                            kw = {k.arg: k.value for k in value.keywords}
                            community = literal(kw.get("include_community_auditors"), names)
                            config = kw.get("config")
                            if isinstance(config, ast.Name):
                                config = nodes.get(config.id)
                            current = (text, bool(community), config_value(config))
                        elif isinstance(target, ast.Name):
                            names[target.id] = literal(value, names)
                            nodes[target.id] = value
                    test = None
                    if isinstance(node, ast.Assert):
                        test = finding_ids_of(node.test)
                    elif isinstance(node, ast.Expr):
                        test = finding_ids_of(node.value)
                    if test is not None and current is not None and isinstance(current[0], str):
                        expected = literal(test, names)
                        if isinstance(expected, set):
                            found.append((f"{file}::{fn.name}#{len(found)}", *current[:1], expected, current[1:]))
    return found


def checked_kinds(switches):
    """The kinds Parliament checked in a case: (community auditors on, a configuration given)."""
    community, config = switches
    configured = config is not None
    return {
        k
        for k in MAPPING
        if (community or k not in COMMUNITY) and (configured or k != "SENSITIVE_ACCESS")
    }


def run_ours(jar, texts, config=None):
    """Our codes for each policy text, in order; with a Parliament configuration, as guardrails."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(texts):
            path = os.path.join(tmp, f"case{i:03d}.json")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            paths.append(path)
        settings = os.path.join(tmp, ".iam-policy-ls.json")
        with open(settings, "w", encoding="utf-8") as f:
            json.dump(guardrails(config), f)
        out = subprocess.run(
            ["java", "-jar", jar, "check", "--format", "json", "--config", settings, *paths],
            capture_output=True,
            text=True,
        )
        report = json.loads(out.stdout)
        codes = {
            os.path.basename(f["path"]): {x["code"] for x in f["findings"]} for f in report["files"]
        }
        return [codes.get(os.path.basename(p), set()) for p in paths]


def agrees(expected, codes, checked):
    """Whether our codes report each expected kind and no other kind Parliament checked."""
    if any(not (MAPPING[k] & codes) for k in expected):
        return False
    allowed = set().union(*(MAPPING[k] for k in expected)) if expected else set()
    # A code that also stands for a kind Parliament did not check here is not held against us.
    unchecked = set().union(*(MAPPING[k] for k in MAPPING if k not in checked))
    for k in checked - expected:
        if (MAPPING[k] & codes) - allowed - unchecked:
            return False
    return True


def kinds_of(codes, checked):
    return {k for k in checked if MAPPING[k] & codes}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    if not args:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    checkout = args[0]
    here = os.path.dirname(os.path.abspath(__file__))
    jar = args[1] if len(args) > 1 else os.path.join(here, "..", "server", "target", "iam-policy-ls.jar")
    all_cases = cases(checkout)
    mappable = [c for c in all_cases if c[2] <= checked_kinds(c[3])]
    plain = [c for c in mappable if c[3][1] is None]
    by_text = dict(zip((c[0] for c in plain), run_ours(jar, [c[1] for c in plain])))
    for c in mappable:
        if c[3][1] is not None:
            by_text[c[0]] = run_ours(jar, [c[1]], c[3][1])[0]
    ours = [by_text[c[0]] for c in mappable]
    agree = 0
    for (name, text, expected, community), codes in zip(mappable, ours):
        got = kinds_of(codes, checked_kinds(community))
        ok = agrees(expected, codes, checked_kinds(community))
        agree += ok
        if verbose or not ok:
            print(("AGREE   " if ok else "DIFFER  ") + name)
            if not ok:
                print(f"    Parliament: {sorted(expected)}  ours: {sorted(got)}  codes: {sorted(codes)}")
                verdict = VERDICTS.get(name.split("#")[0])
                if verdict:
                    print(f"    verdict: {verdict}")
    unmapped = [c for c in all_cases if not c[2] <= checked_kinds(c[3])]
    for name, _, expected, _ in unmapped:
        print(f"UNMAPPED {name}: {sorted(expected - set(MAPPING))}")
    print(f"cases {len(all_cases)}, mappable {len(mappable)}, agree {agree}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
