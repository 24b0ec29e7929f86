#!/usr/bin/python3
"""Validates SARIF files against the published SARIF 2.1.0 JSON schema.

usage: validate-sarif.py file.sarif...
The schema is the one scripts/install-deps.sh fetched (pinned by hash).
Besides the schema, checks what GitHub code scanning relies on: every
result names a rule that the driver lists, and has a fingerprint.
"""
import json
import os
import sys

import jsonschema  # Debian's python3-jsonschema

cache = os.environ.get("KMODLINT_CACHE") or os.path.join(
    os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "kmodlint")
schema_path = os.path.join(cache, "sarif-schema-2.1.0.json")
if not os.path.exists(schema_path):
    sys.exit(f"validate-sarif: {schema_path} is missing; run scripts/install-deps.sh")
with open(schema_path) as f:
    schema = json.load(f)
validator = jsonschema.Draft4Validator(schema)

failed = False
for path in sys.argv[1:]:
    with open(path) as f:
        log = json.load(f)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    for e in errors:
        print(f"{path}: schema: {'/'.join(map(str, e.path))}: {e.message}")
        failed = True
    for run in log.get("runs", []):
        rules = [r["id"] for r in run["tool"]["driver"].get("rules", [])]
        for i, result in enumerate(run.get("results", [])):
            rule = result.get("ruleId")
            if rule not in rules or rules[result.get("ruleIndex", -1)] != rule:
                print(f"{path}: result {i}: rule {rule} not in tool.driver.rules")
                failed = True
            if not result.get("partialFingerprints"):
                print(f"{path}: result {i}: no partialFingerprints")
                failed = True
    if not errors:
        print(f"{path}: valid SARIF 2.1.0 ({sum(len(r.get('results', [])) for r in log['runs'])} results)")
sys.exit(1 if failed else 0)
