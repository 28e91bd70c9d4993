/** @odoo-module */
// Copyright 2026 Aftersales contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import { PortalHomeCounters } from "@portal/js/portal";

PortalHomeCounters.include({
    /**
     * The Service Requests tile stays on /my with no request yet: it is where a customer
     * opens their first one.
     *
     * @override
     */
    _getCountersAlwaysDisplayed() {
        return this._super(...arguments).concat(["aftersales_request_count"]);
    },
});
