# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from pathlib import Path

import polib

from odoo.modules.module import get_module_path
from odoo.tests import tagged
from odoo.tools.translate import TranslationModuleReader

from odoo.addons.base.tests.common import BaseCommon

ADDONS = ("aftersales_service", "aftersales_parts", "aftersales_quality")
LANGS = ("zh_CN", "zh_TW", "ko")


@tagged("post_install", "-at_install")
class TestTranslations(BaseCommon):
    def test_every_term_of_the_addons_is_translated(self):
        """Every term Odoo exports for our add-ons has a zh_CN, zh_TW and ko translation."""
        for addon in ADDONS:
            terms = {
                source
                for module, _type, _name, _res_id, source, _value, _comments in (
                    TranslationModuleReader(self.env.cr, modules=[addon])
                )
                if module == addon and source
            }
            self.assertTrue(terms, addon)
            for lang in LANGS:
                path = Path(get_module_path(addon)) / "i18n" / f"{lang}.po"
                translated = {e.msgid for e in polib.pofile(str(path)) if e.msgstr.strip()}
                missing = sorted(terms - translated)
                self.assertFalse(missing, f"{addon} {lang}: untranslated {missing[:5]}")

    def test_korean_user_reads_the_request_form_in_korean(self):
        """Loading Korean shows a request's stage and model name in Korean."""
        self.env["res.lang"]._activate_lang("ko_KR")
        self.env["ir.module.module"].search([("name", "in", ADDONS)])._update_translations(
            filter_lang=["ko_KR"]
        )
        model = self.env["ir.model"].with_context(lang="ko_KR")._get("aftersales.request")
        self.assertNotEqual(model.name, "Service Request")
        labels = dict(
            self.env["aftersales.request"]
            .with_context(lang="ko_KR")
            ._fields["state"]
            ._description_selection(self.env(context={"lang": "ko_KR"}))
        )
        self.assertNotEqual(labels["new"], "New")
