"""Every setting the site reads is in the README's settings table with the default the
code uses, and every row of the table is a setting the code reads: an operator who sets
what the README says gets what the README promises."""

import re

from app.config import ROOT

TABLE_ROW = re.compile(r"^\| (`KLAPJOB_[^|]+)\|[^|]+\|([^|]+)\|\s*$", re.M)
READER = r"""(?:environ\.get|_flag|_number)\(\s*["'](KLAPJOB_[A-Z0-9_]+)["']"""
READ_IN_CODE = re.compile(READER)
# _number("KLAPJOB_X", 10), os.environ.get("KLAPJOB_X", "5"): a default written as a literal
LITERAL_DEFAULT = re.compile(READER + r""",\s*(?:["']([^"']*)["']|([0-9.]+))\s*[,)]""")
CODE_FILES = [*ROOT.glob("app/**/*.py"), ROOT / "gunicorn.conf.py"]


def readme_table():
    """{setting: its default as written}; `KLAPJOB_SMTP_HOST`, `_PORT` names two."""
    rows = {}
    for names, default in TABLE_ROW.findall((ROOT / "README.md").read_text()):
        written = re.findall(r"`([A-Z0-9_]+)`", names)
        prefix = ""
        # "none" and "off" in words mean the empty default
        defaults = re.findall(r"`([^`]*)`", default) or [
            "" if default.split()[0] in ("none", "off") else default.strip()
        ]
        for index, name in enumerate(written):
            if name.startswith("KLAPJOB_"):
                prefix = name.rsplit("_", 1)[0]
            else:
                name = prefix + name
            # A row of several settings gives a default each, or one for the first only.
            rows[name] = defaults[index] if index < len(defaults) else None
    return rows


def settings_in_code():
    return {name for path in CODE_FILES for name in READ_IN_CODE.findall(path.read_text())}


def test_every_setting_the_code_reads_is_in_the_readme_and_every_row_is_read():
    table = set(readme_table())
    assert sorted(settings_in_code() - table) == [], "read by the code, missing in the README"
    assert sorted(table - settings_in_code()) == [], "in the README, read by nothing"


def test_the_readme_gives_each_setting_the_default_the_code_uses():
    table = readme_table()
    for path in CODE_FILES:
        for name, quoted, number in LITERAL_DEFAULT.findall(path.read_text()):
            default = quoted or number
            written = table.get(name)
            if written is not None:
                assert written == default, f"{name}: the code's default is {default!r}"


def test_every_setting_is_read_in_one_place():
    readers = {
        path.relative_to(ROOT).as_posix()
        for path in CODE_FILES
        if READ_IN_CODE.search(path.read_text())
    }
    assert readers <= {"app/config.py", "gunicorn.conf.py"}
