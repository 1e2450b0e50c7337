"""Review of an alignment by a person: a self-contained HTML page to see and fix the weak
pairs, and the edit log of their decisions that `tmtool align --apply` turns into anchors."""
