package com.wapi.analytics.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The shape of a report's JSON (ReportWriter.toJson), for the OpenAPI description only. */
@Schema(name = "Report")
record ReportDocument(@Schema(example = "delivery") String report,
        @Schema(name = "workspace_id", example = "acme-sales") String workspaceId,
        LocalDate from, LocalDate to,
        @Schema(name = "time_zone", example = "Asia/Kolkata") String timeZone,
        List<Section> sections,
        @Schema(description = "what each figure means (docs/definitions.md)") List<String> definitions) {

    @Schema(name = "ReportSection")
    record Section(@Schema(example = "broadcasts") String name, @Schema(example = "Per broadcast") String title,
            @Schema(description = "one object per row, keyed by column; rates are fractions (0.76 = 76%)")
            List<Map<String, Object>> rows) {
    }
}
