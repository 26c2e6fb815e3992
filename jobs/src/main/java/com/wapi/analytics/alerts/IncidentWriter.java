package com.wapi.analytics.alerts;

import com.wapi.analytics.console.Table;
import com.wapi.analytics.csv.SafeCsv;
import com.wapi.analytics.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes incidents as a terminal table, JSON (with their figures) or CSV. Times are ISO-8601 in UTC. */
final class IncidentWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] HEADER = {"id", "workspace_id", "rule", "subject", "state", "opened_at", "resolved_at",
            "summary"};

    private IncidentWriter() {
    }

    static void write(List<Incident> incidents, ReportFormat format, PrintWriter out) {
        switch (format) {
            case table -> table(incidents, out);
            case json -> json(incidents, out);
            case csv -> csv(incidents, out);
        }
        out.flush();
    }

    private static void table(List<Incident> incidents, PrintWriter out) {
        Table table = new Table("ID", "WORKSPACE", "RULE", "SUBJECT", "STATE", "OPENED", "RESOLVED", "SUMMARY");
        for (Incident i : incidents) {
            table.row(i.id(), i.workspaceId(), i.rule(), i.subject(), state(i), utc(i.openedAt()), utc(i.resolvedAt()),
                    i.isOpen() ? i.summary() : i.resolvedSummary());
        }
        table.print(out);
    }

    private static void json(List<Incident> incidents, PrintWriter out) {
        ArrayNode root = JSON.createArrayNode();
        for (Incident i : incidents) {
            ObjectNode node = root.addObject();
            node.put("id", i.id());
            node.put("workspace_id", i.workspaceId());
            node.put("rule", i.rule());
            node.put("subject", i.subject());
            node.put("state", state(i));
            node.put("opened_at", utc(i.openedAt()));
            node.put("resolved_at", utc(i.resolvedAt()));
            node.put("summary", i.summary());
            node.set("figures", JSON.readTree(i.figures()));
            node.put("resolved_summary", i.resolvedSummary());
            node.set("resolved_figures", i.resolvedFigures() == null ? null : JSON.readTree(i.resolvedFigures()));
        }
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static void csv(List<Incident> incidents, PrintWriter out) {
        try {
            CSVPrinter printer = SafeCsv.printer(out, HEADER);
            for (Incident i : incidents) {
                printer.printRecord(i.id(), SafeCsv.text(i.workspaceId()), i.rule(), SafeCsv.text(i.subject()), state(i),
                        utc(i.openedAt()), utc(i.resolvedAt()), SafeCsv.text(i.isOpen() ? i.summary() : i.resolvedSummary()));
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String state(Incident i) {
        return i.isOpen() ? "open" : "resolved";
    }

    private static String utc(OffsetDateTime at) {
        return at == null ? null : at.toInstant().toString();
    }
}
