#!/usr/bin/env python3
"""Counts the policies in CloudFormation and SAM templates without iam-policy-ls, and compares.

The count is by content, not by a table of resource types: under each resource's Properties,
a policy is
  - a map holding Statement whose statements (a list, or one map, each maybe behind Fn::If) have
    an Effect, Action, NotAction, Principal or Resource: an IAM policy document (WAF's Statement
    holds rule statements, none of these keys);
  - a string, an Fn::Sub template or an Fn::Join whose text starts with "{" and names
    "Statement": a policy written as JSON text;
  - a statement outside a document, or a list of them: a map with an Action or NotAction and an
    Effect, Principal, Resource or NotResource (an event bus policy's Statement, SAM's
    CustomStatements), which a service adds to a policy;
  - an empty map, or one with only Version/Id, under a key naming a policy ("...Polic..."): a
    policy with nothing in it yet;
  - an AWS::Lambda::Permission or LayerVersionPermission resource: Lambda adds it to the
    function's or layer version's policy as a statement.
SAM's Globals section is searched the same way. Both branches of an Fn::If count once, at the
place of the If. A stack set's TemplateBody (a map,
or YAML/JSON text) is read as a template of its own, its names under Resources/ID/TemplateBody/.

Names follow `check`'s: Resources/ID/Property, with a list item named by its PolicyName (a plain
string) or else its index, and a named policy's /PolicyDocument left off.

Usage:
  tools/template-policy-count.py DIR                     per file: count and policy names
  tools/template-policy-count.py DIR --compare OUT.json  and the differences with
      `java -jar iam-policy-ls.jar check --format json DIR > OUT.json` (run from the same folder,
      so the paths match), each with its resource type.
Needs PyYAML (Debian's python3-yaml).
"""
import collections
import json
import os
import sys

import yaml

TEMPLATE_EXTENSIONS = (".json", ".yaml", ".yml", ".template")
STATEMENT_KEYS = {"Effect", "Action", "NotAction", "Principal", "NotPrincipal", "Resource"}


class TemplateLoader(yaml.SafeLoader):
    """YAML with CloudFormation's short forms (!Ref, !Sub...) read as their long forms."""


def _short_form(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    if suffix in ("Ref", "Condition"):
        return {suffix: value}
    if suffix == "GetAtt" and isinstance(value, str):
        value = value.split(".", 1)
    return {"Fn::" + suffix: value}


TemplateLoader.add_multi_constructor("!", _short_form)
# Dates stay text: Version: 2012-10-17 is a string to IAM.
TemplateLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    return parse(text, path.endswith(".json"))


def parse(text, json_first):
    if json_first or text.lstrip().startswith("{"):
        try:
            return json.loads(text)
        except ValueError:
            pass
    try:
        return yaml.load(text, Loader=TemplateLoader)
    except yaml.YAMLError:
        return None


def is_template(tree):
    if not isinstance(tree, dict) or not isinstance(tree.get("Resources"), dict):
        return False
    return "AWSTemplateFormatVersion" in tree or any(
        isinstance(r, dict) and isinstance(r.get("Type"), str) for r in tree["Resources"].values()
    )


def if_branches(node):
    """The branches of an Fn::If, or None when the node is no Fn::If."""
    if isinstance(node, dict) and len(node) == 1 and "Fn::If" in node:
        args = node["Fn::If"]
        if isinstance(args, list) and len(args) == 3:
            return args[1:]
    return None


def looks_like_statement(node):
    branches = if_branches(node)
    if branches is not None:
        return any(looks_like_statement(b) for b in branches)
    return isinstance(node, dict) and bool(STATEMENT_KEYS & node.keys())


def is_policy_map(node):
    if not isinstance(node, dict) or "Statement" not in node:
        return False
    statements = node["Statement"]
    branches = if_branches(statements)
    if branches is not None:
        return any(is_policy_map({"Statement": b}) for b in branches)
    items = statements if isinstance(statements, list) else [statements]
    return any(looks_like_statement(s) for s in items)


def is_statement(node):
    return (
        isinstance(node, dict)
        and ("Action" in node or "NotAction" in node)
        and bool({"Effect", "Principal", "Resource", "NotResource"} & node.keys())
    )


def is_statements(node):
    if isinstance(node, list):
        return bool(node) and all(is_statement(s) for s in node)
    return is_statement(node)


def is_empty_policy(node, path):
    """An empty policy; not a SAM policy template without arguments (a list item's only key)."""
    return (
        isinstance(node, dict)
        and "polic" in path[-1].lower()
        and not (len(path) > 1 and path[-2].isdigit())
        and set(node) <= {"Version", "Id"}
    )


def text_of(node):
    """The text a string, an Fn::Sub or an Fn::Join makes (references as X); None otherwise."""
    if isinstance(node, str):
        return node
    if isinstance(node, dict) and len(node) == 1:
        if "Fn::Sub" in node:
            arg = node["Fn::Sub"]
            return text_of(arg[0] if isinstance(arg, list) and arg else arg)
        if "Fn::Join" in node:
            arg = node["Fn::Join"]
            if isinstance(arg, list) and len(arg) == 2 and isinstance(arg[1], list):
                parts = [text_of(p) for p in arg[1]]
                return str(arg[0]).join(p if p is not None else "X" for p in parts)
    return None


def is_policy_text(node):
    text = text_of(node)
    return text is not None and text.lstrip().startswith("{") and '"Statement"' in text


def find_policies(node, path, out):
    """Adds to out the names of the policies in a resource's properties."""
    branches = if_branches(node)
    if branches is not None:
        for b in branches:
            find_policies(b, path, out)
        return
    if (
        is_policy_map(node)
        or is_policy_text(node)
        or is_statements(node)
        or is_empty_policy(node, path)
    ):
        out.add("/".join(path))
        return
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("Fn::ToJsonString",):
                find_policies(value, path, out)
            elif not (isinstance(key, str) and key.startswith("Fn::")) and key != "Ref":
                find_policies(value, path + [str(key)], out)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            for alternative in if_branches(item) or [item]:
                if (
                    isinstance(alternative, dict)
                    and isinstance(alternative.get("PolicyName"), str)
                    and "PolicyDocument" in alternative
                ):
                    name = path + [alternative["PolicyName"]]
                    before = len(out)
                    find_policies(alternative["PolicyDocument"], name, out)
                    if len(out) == before:
                        find_policies(alternative, name, out)
                elif isinstance(alternative, dict) and "PolicyDocument" in alternative:
                    find_policies(alternative["PolicyDocument"], path + [str(i)], out)
                else:
                    find_policies(alternative, path + [str(i)], out)


def template_policies(template, prefix=""):
    """Policy name -> resource type, for a template and the templates written inside it."""
    found = {}
    for logical_id, resource in template["Resources"].items():
        if not isinstance(resource, dict):
            continue
        rtype = resource.get("Type") if isinstance(resource.get("Type"), str) else "?"
        here = prefix + "Resources/" + str(logical_id)
        if rtype in ("AWS::Lambda::Permission", "AWS::Lambda::LayerVersionPermission"):
            found[here] = rtype  # the resource is the statement
            continue
        properties = resource.get("Properties")
        if not isinstance(properties, dict):
            continue
        body = properties.get("TemplateBody")
        nested = parse(body, False) if isinstance(body, str) else body
        if is_template(nested):
            found.update(template_policies(nested, here + "/TemplateBody/"))
            properties = {k: v for k, v in properties.items() if k != "TemplateBody"}
        names = set()
        find_policies(properties, [here], names)
        for name in names:
            if name == here and "Statement" in properties:
                name += "/Statement"  # an event bus policy's Statement property
            found[name] = rtype  # else the properties are the statement (its old form)
    # SAM's Globals: what every resource of a kind gets (an API's CustomStatements).
    if isinstance(template.get("Globals"), dict):
        names = set()
        find_policies(template["Globals"], [prefix + "Globals"], names)
        for name in names:
            found[name] = "Globals"
    return found


def template_files(root):
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(TEMPLATE_EXTENSIONS):
                yield os.path.join(folder, name)


def count(root):
    """(files read, templates, unreadable files, {file: {policy name: resource type}})."""
    files = templates = 0
    unreadable = []
    policies = {}
    for path in template_files(root):
        files += 1
        tree = load(path)
        if tree is None:
            unreadable.append(path)
            continue
        if not is_template(tree):
            continue
        templates += 1
        found = template_policies(tree)
        if found:
            policies[path] = found
    return files, templates, unreadable, policies


def main(argv):
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    root = argv[0]
    files, templates, unreadable, policies = count(root)
    total = sum(len(p) for p in policies.values())
    permissions = sum(
        1
        for p in policies.values()
        for t in p.values()
        if t in ("AWS::Lambda::Permission", "AWS::Lambda::LayerVersionPermission")
    )
    for path, found in policies.items():
        print(f"{path}: {len(found)}")
        for name in sorted(found):
            print(f"  {name}  ({found[name]})")
    by_type = collections.Counter(t for p in policies.values() for t in p.values())
    print()
    print("by resource type:")
    for rtype, n in by_type.most_common():
        print(f"  {n:4d} {rtype}")
    print(
        f"{files} files, {templates} templates, {len(unreadable)} unreadable; "
        f"{len(policies)} files hold {total} policies "
        f"({total - permissions} documents, {permissions} Lambda and layer permissions)"
    )
    for path in unreadable:
        print(f"unreadable: {path}")
    if len(argv) >= 3 and argv[1] == "--compare":
        return compare(policies, argv[2])
    return 0


def compare(policies, check_json):
    with open(check_json) as f:
        report = json.load(f)
    located = {e["path"] for e in report["files"] if "#" in e["path"]}
    counted = {f"{path}#{name}": t for path, found in policies.items() for name, t in found.items()}
    missed = sorted(set(counted) - located)
    extra = sorted(located - set(counted))
    print()
    print(f"check located {len(located)} policies in {len({p.split('#')[0] for p in located})} files")
    for name in missed:
        print(f"counted here, not located by check: {name}  ({counted[name]})")
    for name in extra:
        print(f"located by check, not counted here: {name}")
    if not missed and not extra:
        print("the same policies, name for name")
    return 1 if missed or extra else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
