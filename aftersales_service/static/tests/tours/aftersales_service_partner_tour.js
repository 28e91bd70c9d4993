/** @odoo-module **/
/* Copyright 2026 Aftersales contributors
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import {registry} from "@web/core/registry";
import {patient} from "@aftersales_service/../tests/tours/tour_steps";

/* The portal user of an authorised service partner works a request dispatched to their
   company to done: accept, schedule, start, log work, record a part, the customer signs
   (aftersales_service/tests/test_service_partner_tour.py). */

function submit(form, content) {
    return {
        content,
        trigger: `form.${form} button[type=submit]`,
        run: "click",
    };
}

function stage(label) {
    return {
        content: `The request is now ${label}`,
        trigger: `.o_aftersales_dispatched_request .o_aftersales_stage:contains('${label}')`,
    };
}

registry.category("web_tour.tours").add("aftersales_service_partner_tour", {
    url: "/my/dispatched",
    steps: () =>
        patient([
            {
                content: "Open the dispatched request",
                trigger: "a:contains('SP-TOUR')",
                run: "click",
            },
            {
                content: "Accept it",
                trigger: "button.o_aftersales_accept",
                run: "click",
            },
            stage("Assessed"),
            {
                content: "Enter the appointment agreed with the customer",
                trigger: "form.o_aftersales_schedule input[name=date_appointment]",
                run() {
                    // a datetime-local input takes its value as the browser sends it
                    document.querySelector(
                        "form.o_aftersales_schedule input[name=date_appointment]"
                    ).value = "2030-01-07T10:00";
                },
            },
            submit("o_aftersales_schedule", "Schedule the visit"),
            stage("Scheduled"),
            {
                content: "Start the work on site",
                trigger: "button.o_aftersales_start",
                run: "click",
            },
            stage("In Progress"),
            {
                content: "Hours worked",
                trigger: "form.o_aftersales_work input[name=hours]",
                run() {
                    document.querySelector("form.o_aftersales_work input[name=hours]").value = "1.5";
                },
            },
            {
                content: "Category: free in warranty",
                trigger: "form.o_aftersales_work select[name=category]",
                run: "select C",
            },
            {
                content: "Work done",
                trigger: "form.o_aftersales_work input[name=description]",
                run: "edit Replaced the start capacitor",
            },
            submit("o_aftersales_work", "Log the work"),
            {
                content: "The work is logged",
                trigger: ".o_aftersales_work_logs td:contains('Replaced the start capacitor')",
            },
            {
                content: "The part used",
                trigger: "form.o_aftersales_part select[name=product_id]",
                run: "selectByLabel SP Tour Capacitor",
            },
            {
                content: "Reason told to the customer",
                trigger: "form.o_aftersales_part input[name=reason]",
                run: "edit Capacitor swollen",
            },
            submit("o_aftersales_part", "Record the part"),
            {
                content: "The part is recorded",
                trigger: ".o_aftersales_parts td:contains('SP Tour Capacitor')",
            },
            {
                content: "Finish: the customer signs",
                trigger: "button.o_aftersales_done",
                run: "click",
            },
            {
                content: "The customer's name is filled in",
                trigger: ".modal .o_web_sign_name_and_signature input:value(SP Tour Customer)",
            },
            {
                content: "Choose a signature style",
                trigger: ".modal .o_web_sign_auto_select_style button",
                run: "click",
            },
            {
                content: "The fourth style draws the name",
                trigger: ".o-dropdown-item:eq(3)",
                run: "click",
            },
            {
                content: "The chosen style has drawn the name",
                trigger: ".modal canvas.o_web_sign_signature",
                async run() {
                    // the style draws the name asynchronously (font, then image): submitting an
                    // undrawn canvas sends an empty signature, which the server rightly refuses
                    const canvas = this.anchor;
                    const isDrawn = () => {
                        if (!canvas.width || !canvas.height) {
                            return false;
                        }
                        const blank = document.createElement("canvas");
                        blank.width = canvas.width;
                        blank.height = canvas.height;
                        return canvas.toDataURL() !== blank.toDataURL();
                    };
                    for (let tries = 0; tries < 100 && !isDrawn(); tries++) {
                        await new Promise((resolve) => setTimeout(resolve, 50));
                    }
                },
            },
            {
                content: "Sign and finish",
                trigger: ".modal .o_portal_sign_submit:enabled",
                run: "click",
            },
            stage("Done"),
        ]),
});
