/** @odoo-module **/
/* Copyright 2026 Aftersales contributors
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

/* Steps shared by the after-sales tours (service's role tours, quality's service tour). */

/* How long a step of our tours waits for its trigger (Odoo's default: 10 s). The first
   screen a test opens loads the bundles it needs lazily (the invoice form's editor, the
   signature pad, ...), which on a loaded 2-core machine can take longer than that. */
export const STEP_TIMEOUT = 30000;

/* ``steps`` with that timeout, where a step sets none of its own. */
export function patient(steps) {
    return steps.map((step) => ({timeout: STEP_TIMEOUT, ...step}));
}

export function pickMany2one(field, text, choice = text, scope = ".o_form_view") {
    return [
        {
            content: `Type ${text} in ${field}`,
            trigger: `${scope} .o_field_widget[name=${field}] input`,
            run: `edit ${text}`,
        },
        {
            content: `Choose ${choice}`,
            trigger: `.o-autocomplete--dropdown-item > a:contains('${choice}')`,
            run: "click",
        },
    ];
}

export function pressAndReach(button, stage) {
    return [
        {
            content: `Press ${button}`,
            trigger: `.o_form_view .o_statusbar_buttons button[name=${button}]`,
            run: "click",
        },
        {
            content: `Now ${stage}`,
            trigger: `.o_form_view .o_statusbar_status .o_arrow_button_current:contains('${stage}')`,
        },
    ];
}

/* From a request in progress: an on-site repair job with the spare part ``part``, repaired,
   then back to the request, which is finished. */
export function repairOnSiteAndFinish(part) {
    return [
        {
            content: "Open an on-site repair job",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_create_onsite_job]",
            run: "click",
        },
        {
            content: "The repair order is open",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_validate]",
        },
        {
            content: "Add a part",
            trigger: ".o_form_view .o_field_widget[name=move_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        ...pickMany2one("product_id", part, part, ".o_field_widget[name=move_ids] .o_selected_row"),
        ...pressAndReach("action_validate", "Confirmed"),
        ...pressAndReach("action_repair_start", "Under Repair"),
        ...pressAndReach("action_repair_end", "Repaired"),
        {
            content: "Back to the request",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('SR/')",
            run: "click",
        },
        ...pressAndReach("action_done", "Done"),
    ];
}
