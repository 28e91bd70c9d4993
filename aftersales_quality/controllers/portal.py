# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class AftersalesQualityPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "aftersales_knowledge_count" in counters:
            Document = request.env["aftersales.knowledge.document"]
            values["aftersales_knowledge_count"] = (
                Document.search_count([("is_current", "=", True)])
                if Document.has_access("read")
                else 0
            )
        return values

    @http.route(
        ["/my/knowledge", "/my/knowledge/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_aftersales_knowledge(self, page=1, **kw):
        """The current documents the user's level lets them read (the record rules decide)."""
        Document = request.env["aftersales.knowledge.document"]
        domain = [("is_current", "=", True)]
        total = Document.search_count(domain)
        pager = portal_pager(url="/my/knowledge", total=total, page=page, step=self._items_per_page)
        documents = Document.search(
            domain, order="kind, name, id", limit=self._items_per_page, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "aftersales_documents": documents.sudo(),
                "pager": pager,
                "page_name": "aftersales_knowledge",
            }
        )
        return request.render("aftersales_quality.portal_my_aftersales_knowledge", values)
