package com.wapi.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.IntegrationTest;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Business hours and SLA in America/New_York (UTC-5 in winter, UTC-4 in summer), worked out by hand. Schedule
 * "mon-fri 09:00-18:00, sat 10:00-14:00, sun 00:00-06:00", holiday 2026-12-25 (a Friday), first response target 6 h,
 * resolution target 8 h. Each conversation: customer message and opening at C, assignment, first reply at R.
 * <pre>
 * conv   agent/team  C (local)               R (local)               wall     business
 * night  ana/t1      Tue 11-24 17:00 EST     Wed 11-25 09:30 EST     59400    3600 + 1800 = 5400
 * wkend  ana/t1      Fri 11-27 17:30 EST     Mon 11-30 09:15 EST     229500   1800 + 14400 (sat) + 21600 (sun) + 900 = 38700
 * holid  ana/t1      Thu 12-24 17:00 EST     Mon 12-28 10:00 EST     320400   3600 + 0 (holiday) + 14400 + 21600 + 3600 = 43200
 * dst    ben/t2      Sat 03-07 20:00 EST     Sun 03-08 07:00 EDT     36000    sun 00:00 EST to 06:00 EDT = 5 h = 18000
 * fall   ben/t2      Sat 10-31 23:00 EDT     Sun 11-01 12:00 EST     50400    sun 00:00 EDT to 06:00 EST = 7 h = 25200
 * quick  ben/t2      Mon 11-30 10:00 EST     Mon 11-30 10:10 EST     600      600
 * </pre>
 * Resolutions: night at Wed 11-25 10:00 EST (wall 61200, business 3600 + 3600 = 7200, within 8 h); quick at Tue
 * 12-01 10:00 EST (wall 86400, business 28800 + 3600 = 32400, over 8 h).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceHoursFunctionalTests extends IntegrationTest {

    static final String WS = "nyc-support";
    static final LocalDate FROM = LocalDate.parse("2026-03-01");
    static final LocalDate TO = LocalDate.parse("2026-12-31");

    @Autowired Setup setup;
    @Autowired WapiCommandLine cli;
    @Autowired JdbcClient postgres;
    @Autowired ClickHouse clickHouse;
    @Autowired Reports reports;

    @BeforeAll
    void scenario() {
        setup.createOrganization("nyc", "NYC Bikes", "America/New_York", "owner@nyc.test", true, Organization.EmptyDayMode.send);
        setup.createWorkspace(WS, "nyc", "Support");
        setup.createWorkspace("nyc-sales", "nyc", "Sales");
        conversation("night", "ana", "t1", "2026-11-24T22:00:00Z", "2026-11-25T14:30:00Z", "2026-11-25T15:00:00Z");
        conversation("wkend", "ana", "t1", "2026-11-27T22:30:00Z", "2026-11-30T14:15:00Z", null);
        conversation("holid", "ana", "t1", "2026-12-24T22:00:00Z", "2026-12-28T15:00:00Z", null);
        conversation("dst", "ben", "t2", "2026-03-08T01:00:00Z", "2026-03-08T11:00:00Z", null);
        conversation("fall", "ben", "t2", "2026-11-01T03:00:00Z", "2026-11-01T17:00:00Z", null);
        conversation("quick", "ben", "t2", "2026-11-30T15:00:00Z", "2026-11-30T15:10:00Z", "2026-12-01T15:00:00Z");
    }

    private void conversation(String id, String agent, String team, String customerAt, String replyAt, String resolvedAt) {
        String contact = "1212555" + Math.abs(id.hashCode() % 10000);
        clickHouse.sql().sql("""
                INSERT INTO inbound_messages (workspace_id, wamid, contact_id, event_time, message_type, raw_event_id)
                VALUES (?, ?, ?, ?, 'text', 0)""").params(WS, "wamid." + id, contact, utc(customerAt, 0)).update();
        action(id, "opened", customerAt, 0, contact, "", "");
        action(id, "assigned", customerAt, 1, contact, agent, team);
        action(id, "reply", replyAt, 0, contact, agent, "");
        if (resolvedAt != null) {
            action(id, "resolved", resolvedAt, 0, contact, agent, "");
        }
    }

    private void action(String conversation, String action, String at, int plusSeconds, String contact, String agent, String team) {
        clickHouse.sql().sql("""
                INSERT INTO agent_actions (workspace_id, event_id, event_time, action, conversation_id, contact_id, agent_id,
                    team_id, actor_id, raw_event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(WS, conversation + "-" + action, utc(at, plusSeconds), action, conversation, contact, agent, team, agent)
                .update();
    }

    private static String utc(String instant, int plusSeconds) {
        return ReportPeriod.CLICKHOUSE.format(Instant.parse(instant).plusSeconds(plusSeconds));
    }

    private CliResult set(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "workspace";
        args[1] = "set";
        args[2] = WS;
        System.arraycopy(options, 0, args, 3, options.length);
        return CliResult.run(cli, args);
    }

    private Report report(String name) {
        return reports.run(name, WS, FROM, TO);
    }

    @Test
    void withoutBusinessHoursEveryHourCounts() {
        Report times = reports.run("response-times", "nyc-sales", FROM, TO);
        assertThat(times.sections().get(0).rows()).isEmpty();
        assertThat(times.definitions()).contains(
                "business hours: mon-sun 00:00-24:00 in America/New_York; a wait counts only its seconds within them "
                        + "(time outside business hours does not count), each local day's hours taken by the zone's rules on that day (DST aware)");
    }

    @Test
    void responseTimesInBusinessHoursAcrossNightsWeekendsHolidaysAndDst() {
        CliResult set = set("--business-hours", "mon-fri 09:00-18:00, sat 10:00-14:00, sun 00:00-06:00", "--holiday", "2026-12-25",
                "--sla-first-response", "6h", "--sla-resolution", "8h", "--actor", "maria");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("business_hours: mon-fri 09:00-18:00, sat 10:00-14:00, sun 00:00-06:00",
                "holidays: [2026-12-25]", "sla_first_response_seconds: 21600", "sla_resolution_seconds: 28800");

        Report times = report("response-times");
        // agent, measure, count, p50, p90, p99, business p50, p90, p99, 7 buckets, sla, within, share
        assertThat(times.section("agents").rows()).containsExactly(
                row("ana", "first_response", 3L, 229500L, 320400L, 320400L, 38700L, 43200L, 43200L,
                        0L, 0L, 0L, 0L, 0L, 1L, 2L, 21600L, 1L, 1.0 / 3),
                row("ana", "reply", 3L, 229500L, 320400L, 320400L, 38700L, 43200L, 43200L,
                        0L, 0L, 0L, 0L, 0L, 1L, 2L, null, null, null),
                row("ana", "resolution", 1L, 61200L, 61200L, 61200L, 7200L, 7200L, 7200L,
                        0L, 0L, 0L, 0L, 0L, 1L, 0L, 28800L, 1L, 1.0),
                row("ben", "first_response", 3L, 36000L, 50400L, 50400L, 18000L, 25200L, 25200L,
                        0L, 0L, 1L, 0L, 0L, 2L, 0L, 21600L, 2L, 2.0 / 3),
                row("ben", "reply", 3L, 36000L, 50400L, 50400L, 18000L, 25200L, 25200L,
                        0L, 0L, 1L, 0L, 0L, 2L, 0L, null, null, null),
                row("ben", "resolution", 1L, 86400L, 86400L, 86400L, 32400L, 32400L, 32400L,
                        0L, 0L, 0L, 0L, 0L, 0L, 1L, 28800L, 0L, 0.0));
        assertThat(times.section("teams").rows()).extracting(r -> r.subList(0, 3))
                .containsExactly(List.of("t1", "first_response", 3L), List.of("t1", "reply", 3L), List.of("t1", "resolution", 1L),
                        List.of("t2", "first_response", 3L), List.of("t2", "reply", 3L), List.of("t2", "resolution", 1L));
        // the workspace: business first responses 600, 5400, 18000, 25200, 38700, 43200; three within 6 h
        assertThat(times.section("overall").rows().get(0)).isEqualTo(row("all", "first_response", 6L, 59400L, 320400L, 320400L,
                25200L, 43200L, 43200L, 0L, 0L, 1L, 0L, 0L, 3L, 2L, 21600L, 3L, 0.5));
        assertThat(times.section("overall").rows().get(2).subList(16, 19)).isEqualTo(List.of(28800L, 1L, 0.5));
        assertThat(times.definitions()).anyMatch(d -> d.startsWith("business hours: mon-fri 09:00-18:00, sat 10:00-14:00, "
                + "sun 00:00-06:00 in America/New_York, closed on 2026-12-25;"));
        assertThat(times.definitions()).anyMatch(d -> d.startsWith("within SLA: a first response within 6h and a resolution within 8h"));

        Report agents = report("agents");
        // first responses, p50, business p50, within SLA; resolutions timed, p50, business p50, within SLA
        assertThat(agents.section("agents").rows()).extracting(r -> r.subList(r.size() - 8, r.size())).containsExactly(
                Arrays.asList(3L, 229500L, 38700L, 1.0 / 3, 1L, 61200L, 7200L, 1.0),
                Arrays.asList(3L, 36000L, 18000L, 2.0 / 3, 1L, 86400L, 32400L, 0.0));
        assertThat(agents.section("teams").rows()).extracting(r -> r.get(0)).containsExactly("t1", "t2");

        // without the holiday, Friday 12-25 counts 9 hours more in ana's slowest first response
        assertThat(set("--remove-holiday", "2026-12-25").exitCode()).isZero();
        assertThat(report("response-times").section("agents").rows().get(0).get(8)).isEqualTo(43200L + 32400L);
        assertThat(set("--holiday", "2026-12-25").exitCode()).isZero();
    }

    @Test
    void workspaceSetIsAuditedAndRefusesBadInputWithTheFix() {
        assertThat(set("--sla-first-response", "15m", "--actor", "maria").exitCode()).isZero();
        Map<String, Object> audit = postgres.sql("""
                SELECT actor, organization_id, workspace_id, target, before ->> 'sla_first_response_seconds' AS before,
                       after ->> 'sla_first_response_seconds' AS after
                  FROM admin_audit WHERE action = 'workspace.set' ORDER BY id DESC LIMIT 1""").query().singleRow();
        assertThat(audit).containsEntry("actor", "maria").containsEntry("organization_id", "nyc")
                .containsEntry("workspace_id", WS).containsEntry("target", WS).containsEntry("after", "900");

        long rows = postgres.sql("SELECT count(*) FROM admin_audit").query(Long.class).single();
        CliResult badHours = set("--business-hours", "mon-fri 9-18");
        assertThat(badHours.exitCode()).isEqualTo(2);
        assertThat(badHours.err()).contains("mon-fri 09:00-18:00");
        CliResult badSla = set("--sla-first-response", "soon");
        assertThat(badSla.exitCode()).isEqualTo(2);
        assertThat(badSla.err()).contains("15m");
        CliResult unknown = CliResult.run(cli, "workspace", "set", "nowhere", "--sla-first-response", "15m");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("workspace list");
        assertThat(postgres.sql("SELECT count(*) FROM admin_audit").query(Long.class).single()).isEqualTo(rows);
        assertThat(CliResult.run(cli, "workspace", "set", "--help").exitCode()).isZero();
        assertThat(set("--sla-first-response", "6h").exitCode()).isZero();
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }
}
