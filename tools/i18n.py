# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Translation templates and catalogues of the add-ons.

python3 tools/i18n.py export   # install the add-ons in a scratch database, write each
                               # <addon>/i18n/<addon>.pot, and merge it into the .po files
python3 tools/i18n.py stats    # untranslated entries per add-on and language
"""

import subprocess
import sys
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness

LANGS = ("zh_CN", "zh_TW", "ko")
LANG_NAMES = {"zh_CN": "Chinese (Simplified)", "zh_TW": "Chinese (Traditional)", "ko": "Korean"}


def export(dbname="aftersales_i18n", reuse=False):
    """``reuse``: export from ``dbname`` as it is (say a database of ``harness.py pytest``
    that holds the working tree's add-ons) instead of installing them afresh."""
    harness.start_pg()
    conf = harness.write_config(dbname)
    if not (reuse and harness.db_exists(dbname)):
        harness.fresh_db(dbname)
        _log, problems = harness.install(dbname)
        if problems:
            sys.exit("i18n: install failed:\n" + "\n".join(problems))
    for addon in harness.ADDONS:
        pot = harness.ROOT / addon / "i18n" / f"{addon}.pot"
        pot.parent.mkdir(exist_ok=True)
        subprocess.run(
            harness.odoo_cmd(
                conf,
                "-d",
                dbname,
                f"--i18n-export={pot}",
                f"--modules={addon}",
                "--stop-after-init",
                "--log-level=warn",
            ),
            env=harness.odoo_env(),
            check=True,
        )
        merge(addon, polib.pofile(str(pot)))


def merge(addon, template):
    """Bring every language's catalogue in line with the template, keeping translations."""
    for lang in LANGS:
        path = harness.ROOT / addon / "i18n" / f"{lang}.po"
        old = polib.pofile(str(path)) if path.exists() else polib.POFile()
        known = {(e.msgctxt, e.msgid): e.msgstr for e in old}
        by_id = {e.msgid: e.msgstr for e in old if e.msgstr}
        po = polib.POFile(wrapwidth=78)
        po.metadata = {
            "Project-Id-Version": "Odoo Server 18.0",
            "Language": lang,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": "nplurals=1; plural=0;",
        }
        po.header = f"Translation of Odoo Server.\n{LANG_NAMES[lang]} translation of {addon}"
        for entry in template:
            po.append(
                polib.POEntry(
                    msgid=entry.msgid,
                    msgctxt=entry.msgctxt,
                    msgstr=known.get((entry.msgctxt, entry.msgid)) or by_id.get(entry.msgid, ""),
                    occurrences=entry.occurrences,
                    comment=entry.comment,
                    tcomment=entry.tcomment,
                    flags=entry.flags,
                )
            )
        po.save(str(path))


def derive_zh_tw():
    """Fill untranslated zh_TW entries from the zh_CN ones (pip: opencc-python-reimplemented)."""
    import opencc

    convert = opencc.OpenCC("s2twp").convert
    for addon in harness.ADDONS:
        folder = harness.ROOT / addon / "i18n"
        simplified = {
            (e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(folder / "zh_CN.po"))
        }
        traditional = polib.pofile(str(folder / "zh_TW.po"), wrapwidth=78)
        for entry in traditional:
            source = simplified.get((entry.msgctxt, entry.msgid))
            if source and not entry.msgstr.strip():
                entry.msgstr = convert(source)
        traditional.save()


def untranslated():
    """(addon, lang) -> list of msgids without a translation."""
    result = {}
    for addon in harness.ADDONS:
        for lang in LANGS:
            path = harness.ROOT / addon / "i18n" / f"{lang}.po"
            entries = polib.pofile(str(path)) if path.exists() else []
            result[addon, lang] = [e.msgid for e in entries if not e.msgstr.strip()]
    return result


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else "stats"
    if cmd == "export":
        # python3 tools/i18n.py export [--db NAME]: reuse that up-to-date database
        if "--db" in sys.argv:
            export(sys.argv[sys.argv.index("--db") + 1], reuse=True)
        else:
            export()
    elif cmd == "zh_TW":
        derive_zh_tw()
    for (addon, lang), missing in untranslated().items():
        print(f"{addon} {lang}: {len(missing)} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
