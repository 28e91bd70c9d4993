# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import SUPERUSER_ID, api

OLD = "We cannot accept these goods; they will be sent back to you:"
NEW = (
    "We cannot accept these goods; we will send them back to you on "
    "<t t-out=\"format_date(object.date_sendback) if object.date_sendback else ''\"/>:"
)


def migrate(cr, version):
    """The refusal mail (noupdate data) now gives the date the goods are sent back; update
    its English body while nobody has rewritten that sentence."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    template = env.ref(
        "aftersales_quality.mail_template_aftersales_return_qc_refused", raise_if_not_found=False
    )
    if not template:
        return
    body = str(template.with_context(lang="en_US").body_html or "")
    if OLD in body:
        template.with_context(lang="en_US").body_html = Markup(body.replace(OLD, NEW))
