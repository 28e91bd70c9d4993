/** @odoo-module **/
/* Copyright 2026 Aftersales contributors
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import {registry} from "@web/core/registry";

function pickMany2one(field, text) {
    return [
        {
            content: `Type ${text} in ${field}`,
            trigger: `.o_field_widget[name=${field}] input`,
            run: `edit ${text}`,
        },
        {
            content: `Choose ${text}`,
            trigger: `.o-autocomplete--dropdown-item > a:contains('${text}')`,
            run: "click",
        },
    ];
}

function pressAndReach(button, stage) {
    return [
        {
            content: `Press ${button}`,
            trigger: `.o_form_view .o_statusbar_buttons button[name=${button}]`,
            run: "click",
        },
        {
            content: `The request is now ${stage}`,
            trigger: `.o_form_view .o_statusbar_status .o_arrow_button_current:contains('${stage}')`,
        },
    ];
}

registry.category("web_tour.tours").add("aftersales_service_tour", {
    url: "/odoo/action-aftersales_service.aftersales_request_action/new",
    steps: () => [
        {
            content: "A new service request form is open",
            trigger: ".o_form_view .o_form_editable .o_field_widget[name=partner_id]",
        },
        ...pickMany2one("partner_id", "Tour Cooling Customer"),
        ...pickMany2one("product_id", "Tour Chiller TC-9"),
        ...pickMany2one("technician_id", "Tour Technician Park"),
        ...pressAndReach("action_assess", "Assessed"),
        ...pressAndReach("action_schedule", "Scheduled"),
        ...pressAndReach("action_start", "In Progress"),
        ...pressAndReach("action_done", "Done"),
    ],
});
