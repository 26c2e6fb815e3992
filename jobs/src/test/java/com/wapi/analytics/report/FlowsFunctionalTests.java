package com.wapi.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.IntegrationTest;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The flows report worked out by hand. Europe/London (UTC in November); flow fl_order, steps menu, size and pay
 * (reached in that order, not their ids' order). Runs started on 2026-11-23:
 * <pre>
 * run  steps (UTC time, output)                                          outcome (time)        to complete
 * r1   menu 10:00 pizza, size 10:01 large, pay 10:03                     converted 10:05       300 s
 * r2   menu 11:00 pizza, size 11:02 small, pay 11:04                     completed 11:10       600 s
 * r3   menu 12:00 pasta, size 12:01 large                                abandoned 12:30
 * r4   menu 13:00 pizza                                                  (in progress)
 * r5   menu 14:00 pizza, size 14:05 large, pay 14:06                     completed 14:20       1200 s
 * </pre>
 * r0 started on 11-22 at 23:50 (menu, pizza) and completed on 11-23 at 00:10: a run of 11-22, the previous period,
 * whose completion rate is 1 and conversion rate 0. Started 5, completed 3 (0.6, -40 points), converted 1 (0.2,
 * +20 points); time to complete p50 600 s, p90 1200 s. Funnel: menu 5 (drop 0 of the 5 started), size 4 (drop 1,
 * 0.2), pay 3 (drop 1, 0.25). Contact c1 got a flow message at 09:00, opened a conversation at 10:30 and bought
 * for 25.50 EUR at 10:06 and 10.00 EUR at 15:00: one conversation and two conversions (35.50 EUR) for fl_order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlowsFunctionalTests extends IntegrationTest {

    static final String WS = "ldn-shop";
    static final LocalDate DAY = LocalDate.parse("2026-11-23");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired Setup setup;
    @Autowired WapiCommandLine cli;
    @Autowired ClickHouse clickHouse;
    @Autowired Reports reports;

    @BeforeAll
    void scenario() {
        setup.createOrganization("ldn", "London Pizza", "Europe/London", "owner@ldn.test", true, Organization.EmptyDayMode.send);
        setup.createWorkspace(WS, "ldn", "Shop");
        step("r0", "menu", "2026-11-22T23:50:00Z", "{\"choice\":\"pizza\"}");
        completed("r0", "completed", "2026-11-23T00:10:00Z");
        step("r1", "menu", "2026-11-23T10:00:00Z", "{\"choice\":\"pizza\"}");
        step("r1", "size", "2026-11-23T10:01:00Z", "large");
        step("r1", "pay", "2026-11-23T10:03:00Z", "");
        completed("r1", "converted", "2026-11-23T10:05:00Z");
        step("r2", "menu", "2026-11-23T11:00:00Z", "{\"choice\":\"pizza\"}");
        step("r2", "size", "2026-11-23T11:02:00Z", "small");
        step("r2", "pay", "2026-11-23T11:04:00Z", "");
        completed("r2", "completed", "2026-11-23T11:10:00Z");
        step("r3", "menu", "2026-11-23T12:00:00Z", "{\"choice\":\"pasta\"}");
        step("r3", "size", "2026-11-23T12:01:00Z", "large");
        completed("r3", "abandoned", "2026-11-23T12:30:00Z");
        step("r4", "menu", "2026-11-23T13:00:00Z", "{\"choice\":\"pizza\"}");
        step("r5", "menu", "2026-11-23T14:00:00Z", "{\"choice\":\"pizza\"}");
        step("r5", "size", "2026-11-23T14:05:00Z", "large");
        step("r5", "pay", "2026-11-23T14:06:00Z", "");
        completed("r5", "completed", "2026-11-23T14:20:00Z");

        clickHouse.sql().sql("""
                INSERT INTO outbound_messages (workspace_id, message_key, event_id, wamid, contact_id, event_time, accepted,
                    source_kind, flow_id, flow_run_id, raw_event_id)
                VALUES (?, 'wamid.F1', 'ev-f1', 'wamid.F1', 'c1', ?, 1, 'flow', 'fl_order', 'r1', 0)""")
                .params(WS, utc("2026-11-23T09:00:00Z")).update();
        clickHouse.sql().sql("""
                INSERT INTO agent_actions (workspace_id, event_id, event_time, action, conversation_id, contact_id, raw_event_id)
                VALUES (?, 'ev-open', ?, 'opened', 'cv1', 'c1', 0)""").params(WS, utc("2026-11-23T10:30:00Z")).update();
        conversion("o1", "2026-11-23T10:06:00Z", "25.50");
        conversion("o2", "2026-11-23T15:00:00Z", "10.00");
    }

    private void step(String run, String step, String at, String output) {
        clickHouse.sql().sql("""
                INSERT INTO flow_events (workspace_id, event_id, event_time, kind, flow_id, flow_run_id, step_id, step_name,
                    status, input, output, raw_event_id)
                VALUES (?, ?, ?, 'step', 'fl_order', ?, ?, ?, 'done', ?, ?, 0)""")
                .params(WS, run + "-" + step, utc(at), run, step, "Step " + step, "{\"run\":\"" + run + "\"}", output).update();
    }

    private void completed(String run, String outcome, String at) {
        clickHouse.sql().sql("""
                INSERT INTO flow_events (workspace_id, event_id, event_time, kind, flow_id, flow_run_id, outcome, raw_event_id)
                VALUES (?, ?, ?, 'completed', 'fl_order', ?, ?, 0)""").params(WS, run + "-end", utc(at), run, outcome).update();
    }

    private void conversion(String id, String at, String amount) {
        clickHouse.sql().sql("""
                INSERT INTO conversions (workspace_id, event_id, event_time, conversion_id, contact_id, amount, currency, raw_event_id)
                VALUES (?, ?, ?, ?, 'c1', ?, 'EUR', 0)""").params(WS, "ev-" + id, utc(at), id, new BigDecimal(amount)).update();
    }

    private static String utc(String instant) {
        return ReportPeriod.CLICKHOUSE.format(Instant.parse(instant));
    }

    @Test
    void runsFunnelOutputsAndAttributionPerFlow() {
        Report flows = reports.run("flows", WS, DAY, DAY);
        assertThat(flows.section("flows").rows()).containsExactly(Arrays.asList("fl_order", 5L, 3L, 1L, 1L, 0L, 1L, 0.6,
                0.6 - 1.0, 0.2, 0.2, 600L, 1200L, 1L, 2L,
                "completion rate -40.0 pts vs the previous period; conversion rate +20.0 pts vs the previous period"));
        assertThat(flows.section("steps").rows()).containsExactly(
                Arrays.asList("fl_order", 1L, "menu", "Step menu", 5L, 0L, 0.0),
                Arrays.asList("fl_order", 2L, "size", "Step size", 4L, 1L, 0.2),
                Arrays.asList("fl_order", 3L, "pay", "Step pay", 3L, 1L, 0.25));
        assertThat(flows.section("outputs").rows()).containsExactly(
                List.of("fl_order", "menu", "{\"choice\":\"pizza\"}", 4L),
                List.of("fl_order", "menu", "{\"choice\":\"pasta\"}", 1L),
                List.of("fl_order", "size", "large", 3L),
                List.of("fl_order", "size", "small", 1L));
        assertThat(flows.section("revenue").rows()).containsExactly(List.of("fl_order", "EUR", 2L, new BigDecimal("35.5")));
        assertThat(flows.definitions()).anyMatch(d -> d.startsWith("step order: the order runs first reached the steps"));

        // the day before holds r0 alone: started and completed, nothing flagged against an empty 11-21
        Report before = reports.run("flows", WS, DAY.minusDays(1), DAY.minusDays(1));
        assertThat(before.section("flows").rows()).extracting(r -> r.subList(0, 8))
                .containsExactly(List.of("fl_order", 1L, 1L, 0L, 0L, 0L, 0L, 1.0));
        assertThat(before.section("flows").rows().get(0).get(15)).isEqualTo("");
    }

    @Test
    void oneRunsStepsWithInputsAndOutputs() throws Exception {
        Report run = reports.flowRun(WS, "r1");
        ZoneId london = ZoneId.of("Europe/London");
        assertThat(run.section("run").rows()).containsExactly(
                Arrays.asList(Instant.parse("2026-11-23T10:00:00Z").atZone(london).toOffsetDateTime(), "step", "fl_order", "menu",
                        "Step menu", "done", "", "{\"run\":\"r1\"}", "{\"choice\":\"pizza\"}"),
                Arrays.asList(Instant.parse("2026-11-23T10:01:00Z").atZone(london).toOffsetDateTime(), "step", "fl_order", "size",
                        "Step size", "done", "", "{\"run\":\"r1\"}", "large"),
                Arrays.asList(Instant.parse("2026-11-23T10:03:00Z").atZone(london).toOffsetDateTime(), "step", "fl_order", "pay",
                        "Step pay", "done", "", "{\"run\":\"r1\"}", ""),
                Arrays.asList(Instant.parse("2026-11-23T10:05:00Z").atZone(london).toOffsetDateTime(), "completed", "fl_order", "",
                        "", "", "converted", "", ""));
        assertThat(run.period().from()).isEqualTo(DAY);

        CliResult json = CliResult.run(cli, "report", "flows", "--workspace", WS, "--run", "r1", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(JSON.readTree(json.out())).isEqualTo(JSON.readTree(JSON.writeValueAsString(ReportWriter.toJson(run))));
        JsonNode first = JSON.readTree(json.out());
        assertThat(first.toString()).contains("{\\\"choice\\\":\\\"pizza\\\"}");

        CliResult unknown = CliResult.run(cli, "report", "flows", "--workspace", WS, "--run", "r9");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no flow run r9");
        CliResult wrongReport = CliResult.run(cli, "report", "agents", "--workspace", WS, "--run", "r1");
        assertThat(wrongReport.exitCode()).isEqualTo(2);
        assertThat(wrongReport.err()).contains("report flows");
        CliResult noPeriod = CliResult.run(cli, "report", "flows", "--workspace", WS);
        assertThat(noPeriod.exitCode()).isEqualTo(2);
        assertThat(noPeriod.err()).contains("--from and --to");
    }
}
