/** @odoo-module **/
/* Copyright 2026 Aftersales contributors
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import {registry} from "@web/core/registry";
import {patient} from "@aftersales_service/../tests/tours/tour_steps";

/* The warehouse keeper (Inventory user, own after-sales documents) opens the receipt of a
   return whose goods passed QC and validates the stock-in. */
registry.category("web_tour.tours").add("aftersales_warehouse_stock_in_tour", {
    steps: () =>
        patient([
            {
                content: "The return's receipt is ready to validate",
                trigger: ".o_form_view .o_statusbar_buttons button[name=button_validate]",
                run: "click",
            },
            {
                content: "The receipt is done",
                trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Done')",
            },
        ]),
});
