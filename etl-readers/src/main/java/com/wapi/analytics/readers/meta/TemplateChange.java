package com.wapi.analytics.readers.meta;

import static com.wapi.analytics.readers.JsonInput.optText;

import com.wapi.analytics.readers.JsonInput;
import com.wapi.analytics.readers.facts.TemplateEventFact;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** Template status, quality and category updates (routed by the WABA). */
final class TemplateChange {

    TemplateEventFact fact(String workspace, String wabaId, String field, JsonNode v, Instant time, String where) {
        String id = JsonInput.text(v, "message_template_id", where);
        String name = optText(v, "message_template_name", where);
        String language = optText(v, "message_template_language", where);
        return switch (field) {
            case "message_template_quality_update" -> new TemplateEventFact(workspace, wabaId, time, "quality", id, name,
                    language, optText(v, "new_quality_score", where), "", optText(v, "previous_quality_score", where),
                    optText(v, "new_quality_score", where), "", "");
            case "template_category_update" -> new TemplateEventFact(workspace, wabaId, time, "category", id, name,
                    language, optText(v, "new_category", where), "", "", "", optText(v, "new_category", where),
                    "previous category " + optText(v, "previous_category", where));
            default -> new TemplateEventFact(workspace, wabaId, time, "status", id, name, language,
                    optText(v, "event", where), optText(v, "reason", where), "", "",
                    optText(v, "message_template_category", where), statusDetail(v, where));
        };
    }

    private String statusDetail(JsonNode v, String where) {
        if (v.has("other_info")) {
            return optText(v.get("other_info"), "title", where + "other_info.");
        }
        if (v.has("rejection_info")) {
            return optText(v.get("rejection_info"), "reason", where + "rejection_info.");
        }
        if (v.has("disable_info")) {
            return "disabled " + optText(v.get("disable_info"), "disable_date", where + "disable_info.");
        }
        return "";
    }
}
