# Copyright 2026 Aftersales contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.http import request, route

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class AftersalesCustomerPortal(CustomerPortal):
    def _aftersales_domain(self):
        partner = request.env.user.partner_id.commercial_partner_id
        return [("partner_id", "child_of", [partner.id])]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        for counter, model in (
            ("aftersales_warranty_count", "aftersales.warranty"),
            ("aftersales_contract_count", "aftersales.contract"),
        ):
            if counter in counters:
                Model = request.env[model]
                values[counter] = (
                    Model.search_count(self._aftersales_domain()) if Model.has_access("read") else 0
                )
        return values

    def _aftersales_portal_list(self, model, url, page_name, key, order, page=1):
        Model = request.env[model]
        domain = self._aftersales_domain() if Model.has_access("read") else [(0, "=", 1)]
        values = self._prepare_portal_layout_values()
        pager = portal_pager(
            url=url,
            total=Model.search_count(domain) if domain != [(0, "=", 1)] else 0,
            page=page,
            step=self._items_per_page,
        )
        records = (
            Model.search(domain, order=order, limit=self._items_per_page, offset=pager["offset"])
            if domain != [(0, "=", 1)]
            else Model
        )
        # found under the portal user's record rules; read with sudo for the serial and product
        values.update(
            {key: records.sudo(), "page_name": page_name, "pager": pager, "default_url": url}
        )
        return values

    @route(
        ["/my/warranties", "/my/warranties/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_aftersales_warranties(self, page=1, **kw):
        values = self._aftersales_portal_list(
            "aftersales.warranty",
            "/my/warranties",
            "aftersales_warranty",
            "warranties",
            "date_start desc, id desc",
            page=page,
        )
        return request.render("aftersales_service.portal_my_warranties", values)

    @route(
        ["/my/contracts", "/my/contracts/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_aftersales_contracts(self, page=1, **kw):
        values = self._aftersales_portal_list(
            "aftersales.contract",
            "/my/contracts",
            "aftersales_contract",
            "contracts",
            "date_end desc, id desc",
            page=page,
        )
        return request.render("aftersales_service.portal_my_contracts", values)
