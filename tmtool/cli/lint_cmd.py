"""`tmtool lint`: check files against glossaries, for people (text) and CI (JSON, SARIF,
GitHub annotations, JUnit).

Exit codes: 0 no finding at or above `--fail-on`, 1 at least one, 2 usage, config or input
error. Results go to stdout (or `-o`); the one-line summary and notices go to stderr.
"""
from __future__ import annotations

import click

from tmtool.cli import EXIT_FINDINGS, EXIT_OK
from tmtool.cli.lint_setup import (
    LintChoices,
    explain_rule,
    prepare,
    report,
    run,
)
from tmtool.cli.options import quiet_option
from tmtool.lint.inputs import FORMATS as INPUT_FORMATS
from tmtool.report import REPORT_FORMATS

LEVELS = ("info", "warning", "error")


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option("--glossary", "glossaries", multiple=True, metavar="DIR|FILE",
              help="Glossary CSV file or folder (repeatable; default: from the config file).")
@click.option("--format", "report_format", type=click.Choice(list(REPORT_FORMATS)), default="text",
              show_default=True, help="Report format.")
@click.option("-o", "--output", default="-", metavar="FILE", help="Write the report here ('-': stdout).")
@click.option("--fail-on", type=click.Choice(LEVELS), default=None,
              help="Lowest severity that makes the exit code 1  [default: error].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--disable", multiple=True, metavar="RULE", help="Turn a rule off (repeatable).")
@click.option("--enable", multiple=True, metavar="RULE", help="Turn a rule on (repeatable).")
@click.option("--severity", "severities", multiple=True, metavar="RULE=LEVEL",
              help="Report RULE at LEVEL: info, warning or error (repeatable).")
@click.option("--baseline", metavar="FILE", help="Report only findings not in this baseline.")
@click.option("--write-baseline", metavar="FILE",
              help="Record the current findings as the baseline and exit 0.")
@click.option("--explain", metavar="RULE", help="Print a rule's documentation and exit.")
@click.option("--config", "config_path", metavar="FILE",
              help="Config file (default: .tmtool.toml or pyproject.toml, from here upwards).")
@click.option("--stdin-format", type=click.Choice(list(INPUT_FORMATS)), default=None,
              help="Format of '-' (stdin)  [default: from --stdin-name, else text].")
@click.option("--stdin-name", metavar="NAME", help="Path to report for '-' (stdin).")
@click.option("--step-summary", metavar="FILE", envvar="GITHUB_STEP_SUMMARY", show_envvar=True,
              help="With --format github: append a Markdown summary to this file.")
@quiet_option
@click.pass_context
def lint(ctx: click.Context, /, **options: object) -> None:
    """Check translations and English texts against glossaries.

    Reads Markdown and MDX pages (front-matter titles included; code, imports, components
    and shortcodes left out), HTML, text, Word (.docx) and OpenDocument (.odt) files
    (English), TMX, PO and XLIFF (Ukrainian source, English target, whichever way the file
    runs), folders (recursively) and globs; '-' reads
    stdin. In .docx/.odt findings read FILE:PARAGRAPH:COLUMN (paragraphs counted from the
    top, empty ones included, then footnotes). Exit code 0: clean, 1: a finding at or above
    --fail-on, 2: usage, config or input error.

    \b
    Example:
      tmtool lint sources/interview.en.md sample.tmx --glossary glossaries/
      tmtool lint docs/ --format sarif -o lint.sarif --fail-on warning
      tmtool lint report.en.docx --glossary glossaries/
      tmtool lint --explain forbidden-variant
    """
    choices = LintChoices.from_options(options)
    if choices.explain:
        click.echo(explain_rule(choices.explain), nl=False)
        return
    plan = prepare(choices)
    outcome = run(plan)
    failed = report(plan, outcome)
    ctx.exit(EXIT_FINDINGS if failed and not choices.exit_zero else EXIT_OK)
