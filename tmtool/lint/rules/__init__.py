"""The lint rules, one module each: `RULE_ID`, `DEFAULT_SEVERITY`, `check(analysed)` and,
for rules that compare units, a `Tracker` with `observe` and `finish`. A rule's module
docstring is its documentation (`tmtool lint --explain RULE`).
"""
