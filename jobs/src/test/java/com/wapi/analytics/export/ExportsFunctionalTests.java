package com.wapi.analytics.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.csv.SafeCsv;
import com.wapi.analytics.etl.EtlRunner;
import com.wapi.analytics.report.Column;
import com.wapi.analytics.report.ReportScenario;
import com.wapi.analytics.report.Reports;
import com.wapi.analytics.report.Section;
import com.wapi.analytics.simulate.MetaPayloads;
import com.wapi.analytics.simulate.PlatformEvents;
import com.wapi.analytics.support.FreePorts;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.RawEventsFixture;
import com.wapi.analytics.support.TcpProxy;
import com.wapi.analytics.support.TestDatabases;
import com.wapi.analytics.tenancy.ApiToken;
import com.wapi.analytics.tenancy.Member;
import com.wapi.analytics.tenancy.Setup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wapi.scheduler.enabled=false", "spring.mail.host=127.0.0.1", "wapi.export.zip-above-bytes=200",
                // an asynchronous request would time out at once: the exports do not depend on it
                "spring.mvc.async.request-timeout=1ms"})
@ActiveProfiles("serve")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportsFunctionalTests {

    static final String WS = ReportScenario.WORKSPACE;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int SMTP_PORT = FreePorts.any();
    static TcpProxy clickHouseProxy;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        TestDatabases.Pair databases = TestDatabases.create();
        databases.springProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("spring.mail.port", () -> SMTP_PORT);
        // ClickHouse through a proxy, to lose it in the middle of an export
        String url = databases.clickHouse().url();
        int chPort = Integer.parseInt(url.replaceFirst(".*:(\\d+)/.*", "$1"));
        try {
            clickHouseProxy = new TcpProxy(chPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("wapi.clickhouse.url", () -> url.replace(":" + chPort + "/", ":" + clickHouseProxy.port() + "/"));
    }

    @LocalServerPort int port;
    @Autowired Setup setup;
    @Autowired JdbcClient postgres;
    @Autowired ClickHouse clickHouse;
    @Autowired EtlRunner etl;
    @Autowired Reports reports;
    @Autowired ExportTick tick;
    @Autowired WapiCommandLine cli;
    @TempDir Path dir;

    String readToken;
    String otherToken;

    @BeforeAll
    void loadScenario() throws Exception {
        ReportScenario.setUp(setup);
        RawEventsFixture raw = new RawEventsFixture(postgres);
        ReportScenario.land(raw);
        // a broadcast whose name a spreadsheet would run as a formula
        PlatformEvents events = new PlatformEvents(WS);
        Instant at = Instant.parse("2026-11-23T12:00:00Z");
        raw.platform(WS, events.broadcastCreated("x-bc", at, "bc_evil", "=HYPERLINK(\"http://x\")", "@tpl", 1));
        raw.platform(WS, events.broadcastMessageSent("x-m", at, "wamid.X1", "919800000001", "bc_evil", "@tpl"));
        raw.meta(MetaPayloads.statuses("102290129340398", "106540352242922",
                MetaPayloads.status("wamid.X1", "read", at.plusSeconds(9), "919800000001", null)));
        // bc_evil's recipient orders the next day, in two currencies: bc_evil earns in both
        raw.platform(WS, events.conversion("x-v3", Instant.parse("2026-11-24T06:00:00Z"), "order_3", "919800000001",
                "20.50", "USD"));
        raw.platform(WS, events.conversion("x-v4", Instant.parse("2026-11-24T07:00:00Z"), "order_4", "919800000001",
                "100.00", "INR"));
        etl.run(null, false, Duration.ZERO).orElseThrow();

        setup.addMember("acme", WS, "manager@acme.test", Member.Role.manager);
        setup.addMember("acme", WS, "agent@acme.test", Member.Role.agent);
        setup.createWorkspace("acme-support", "acme", "Support");
        setup.addMember("acme", "acme-support", "other-manager@acme.test", Member.Role.manager);
        readToken = setup.createToken(WS, null, ApiToken.Kind.read).secret();
        otherToken = setup.createToken("acme-support", null, ApiToken.Kind.read).secret();
    }

    @AfterAll
    void closeProxy() {
        clickHouseProxy.close();
    }

    @BeforeEach
    void clean() {
        postgres.sql("DELETE FROM send_ledger WHERE kind = 'export'").update();
        postgres.sql("DELETE FROM export_subscriptions").update();
    }

    @Test
    void broadcastsExportEqualsTheDeliveryReportRowForRow() throws Exception {
        List<CSVRecord> csv = export("broadcasts", "2026-11-23", "2026-11-23");
        Section delivery = reports.run("delivery", WS, LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-23"))
                .section("broadcasts");
        assertThat(csv).hasSize(delivery.rows().size());
        for (int i = 0; i < csv.size(); i++) {
            List<Object> report = delivery.rows().get(i);
            CSVRecord record = csv.get(i);
            assertThat(record.get("broadcast_id")).isEqualTo(SafeCsv.text((String) delivery.value(report, "broadcast_id")));
            for (String column : List.of("targeted", "sent", "delivered", "read", "failed")) {
                assertThat(Long.parseLong(record.get(column))).as(column).isEqualTo(delivery.value(report, column));
            }
            for (String column : List.of("delivery_rate", "read_rate")) {
                assertThat(new BigDecimal(record.get(column))).as(column)
                        .isEqualTo(BigDecimal.valueOf((Double) delivery.value(report, column)).setScale(4, RoundingMode.HALF_UP));
            }
        }
        CSVRecord summer = csv.get(0);
        assertThat(summer.get("name")).isEqualTo("Summer sale");
        assertThat(summer.get("launched_at")).isEqualTo("2026-11-23T15:30:00+05:30");
        assertThat(summer.get("delivery_rate")).isEqualTo("0.7600");
        assertThat(summer.get("top_failure_code")).isEqualTo("130429");
        assertThat(summer.get("conversations")).isEqualTo("1");
        assertThat(summer.get("conversions")).isEqualTo("1");
        assertThat(summer.get("revenue_INR")).isEqualTo("499");
        assertThat(summer.isMapped("revenue_USD")).as("no USD earned on the 23rd").isFalse();
    }

    @Test
    void everyNumericCellOfEveryExportIsABareNumber() throws Exception {
        Map<String, List<Column>> exports = Map.of("broadcasts", BroadcastsExport.COLUMNS, "recipients", RecipientsExport.COLUMNS,
                "conversations", ConversationsExport.COLUMNS);
        for (var export : exports.entrySet()) {
            List<CSVRecord> csv = export.getKey().equals("recipients")
                    ? export("broadcasts", "2026-11-23", "2026-11-29", "--recipients")
                    : export(export.getKey(), "2026-11-23", "2026-11-29");
            assertThat(csv).as(export.getKey()).hasSizeGreaterThan(1);
            List<Column> columns = new ArrayList<>(export.getValue());
            csv.get(0).getParser().getHeaderNames().stream().filter(name -> name.startsWith(BroadcastsExport.REVENUE))
                    .forEach(name -> columns.add(Column.amount(name)));
            assertThat(csv.get(0).getParser().getHeaderNames()).containsExactlyElementsOf(columns.stream().map(Column::name).toList());
            for (CSVRecord record : csv) {
                for (Column column : columns) {
                    String cell = record.get(column.name());
                    String where = export.getKey() + " row " + record.getRecordNumber() + " " + column.name();
                    switch (column.kind()) {
                        case COUNT, AMOUNT -> assertThat(new BigDecimal(cell)).as(where).isNotNull();
                        case RATE -> assertThat(cell).as(where).matches("[01]\\.\\d{4}");
                        // empty while no agent has answered
                        case SECONDS -> assertThat(cell).as(where).matches("\\d*");
                        default -> { }
                    }
                }
            }
        }
        List<CSVRecord> week = export("broadcasts", "2026-11-23", "2026-11-29");
        CSVRecord summer = week.stream().filter(r -> r.get("broadcast_id").equals("bc_summer")).findFirst().orElseThrow();
        assertThat(List.of(summer.get("revenue_INR"), summer.get("revenue_USD"))).containsExactly("499", "0");
        CSVRecord evil = week.stream().filter(r -> r.get("broadcast_id").equals("bc_evil")).findFirst().orElseThrow();
        assertThat(List.of(evil.get("revenue_INR"), evil.get("revenue_USD"))).containsExactly("100", "20.5");
    }

    @Test
    void theWorkbookHoldsTheReportsFiguresAsTypedCells() throws Exception {
        Path file = dir.resolve("broadcasts.xlsx");
        CliResult run = CliResult.run(cli, "export", "broadcasts", "--workspace", WS, "--from", "2026-11-23", "--to",
                "2026-11-29", "--format", "xlsx", "--out", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode delivery = reportJson("delivery").get("sections").get(0).get("rows");
        JsonNode revenue = reportJson("attribution").get("sections").get(1).get("rows");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            XSSFSheet sheet = workbook.getSheet("broadcasts");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            Map<String, Integer> header = new HashMap<>();
            sheet.getRow(0).forEach(cell -> header.put(cell.getStringCellValue(), cell.getColumnIndex()));
            assertThat(header).containsKeys("broadcast_id", "launched_at", "delivery_rate", "revenue_INR", "revenue_USD");
            assertThat(sheet.getLastRowNum()).isEqualTo(delivery.size());
            for (int i = 0; i < delivery.size(); i++) {
                JsonNode report = delivery.get(i);
                XSSFRow row = sheet.getRow(i + 1);
                Cell id = row.getCell(header.get("broadcast_id"));
                assertThat(id.getCellType()).isEqualTo(CellType.STRING);
                assertThat(id.getStringCellValue()).isEqualTo(report.get("broadcast_id").asString());
                for (String count : List.of("targeted", "sent", "delivered", "read", "failed")) {
                    Cell cell = row.getCell(header.get(count));
                    assertThat(cell.getCellType()).as(count).isEqualTo(CellType.NUMERIC);
                    assertThat(cell.getNumericCellValue()).as(count).isEqualTo(report.get(count).asDouble());
                }
                for (String rate : List.of("delivery_rate", "read_rate")) {
                    Cell cell = row.getCell(header.get(rate));
                    assertThat(cell.getCellType()).as(rate).isEqualTo(CellType.NUMERIC);
                    assertThat(cell.getNumericCellValue()).as(rate).isEqualTo(
                            BigDecimal.valueOf(report.get(rate).asDouble()).setScale(4, RoundingMode.HALF_UP).doubleValue());
                    assertThat(cell.getCellStyle().getDataFormatString()).as(rate).isEqualTo("0.00%");
                }
                for (String currency : List.of("INR", "USD")) {
                    Cell cell = row.getCell(header.get(BroadcastsExport.REVENUE + currency));
                    assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                    double expected = 0;
                    for (JsonNode earned : revenue) {
                        if (earned.get("touch_kind").asString().equals("broadcast")
                                && earned.get("touch_id").asString().equals(report.get("broadcast_id").asString())
                                && earned.get("currency").asString().equals(currency)) {
                            expected = earned.get("revenue").asDouble();
                        }
                    }
                    assertThat(cell.getNumericCellValue()).as(report.get("broadcast_id") + " " + currency).isEqualTo(expected);
                }
            }
            XSSFRow summer = sheet.getRow(1);
            assertThat(summer.getCell(header.get("broadcast_id")).getStringCellValue()).isEqualTo("bc_summer");
            assertThat(summer.getCell(header.get("revenue_INR")).getNumericCellValue()).isEqualTo(499.0);
            assertThat(new DataFormatter().formatCellValue(summer.getCell(header.get("delivery_rate")))).isEqualTo("76.00%");
            Cell launched = summer.getCell(header.get("launched_at"));
            assertThat(DateUtil.isCellDateFormatted(launched)).isTrue();
            assertThat(launched.getLocalDateTimeCellValue()).as("local time of Asia/Kolkata")
                    .isEqualTo(LocalDateTime.parse("2026-11-23T15:30:00"));
            XSSFRow evil = sheet.getRow(1);
            for (int i = 1; !evil.getCell(0).getStringCellValue().equals("bc_evil"); i++) {
                evil = sheet.getRow(i);
            }
            assertThat(evil.getCell(header.get("revenue_INR")).getNumericCellValue()).isEqualTo(100.0);
            assertThat(evil.getCell(header.get("revenue_USD")).getNumericCellValue()).isEqualTo(20.5);
            Cell name = evil.getCell(header.get("name"));
            assertThat(name.getCellType()).as("text, never a formula").isEqualTo(CellType.STRING);
            assertThat(name.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
            assertThat(sheet.getColumnWidth(header.get("name"))).as("fits the longest name").isGreaterThanOrEqualTo(22 * 256);

            HttpResponse<byte[]> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + port + "/api/v1/workspaces/" + WS + "/exports/broadcasts.xlsx?from=2026-11-23&to=2026-11-29"))
                    .header("Authorization", "Bearer " + readToken).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(api.headers().firstValue("Content-Type").orElse("")).isEqualTo(ExportFormat.xlsx.mediaType());
            try (XSSFWorkbook fromApi = new XSSFWorkbook(new ByteArrayInputStream(api.body()))) {
                assertThat(cells(fromApi.getSheet("broadcasts"))).isEqualTo(cells(sheet));
            }
        }
    }

    @Test
    void aClickHouseLostMidStreamAbortsTheHttpExport() throws Exception {
        setup.createWorkspace("acme-bulk", "acme", "Bulk");
        String token = setup.createToken("acme-bulk", null, ApiToken.Kind.read).secret();
        clickHouse.sql().sql("""
                INSERT INTO outbound_messages (workspace_id, message_key, event_id, wamid, contact_id, event_time, accepted,
                    source_kind, broadcast_id, template_name, raw_event_id)
                SELECT 'acme-bulk', concat('k', toString(number)), concat('e', toString(number)), concat('wamid.B', toString(number)),
                       toString(919700000000 + number), toDateTime('2026-11-23 06:00:00', 'UTC') + number % 3600, 1, 'broadcast',
                       'bc_bulk', 'promo', 0
                  FROM system.numbers LIMIT 40000""").update();
        String path = "/api/v1/workspaces/acme-bulk/exports/broadcasts.csv?from=2026-11-23&to=2026-11-23&recipients=true";
        HttpResponse<String> whole = get(path, token);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body().lines().count()).isEqualTo(40_001);

        clickHouseProxy.cutAfterAnswerBytes(whole.body().length() / 4);
        try {
            HttpResponse<InputStream> cut = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + port + path)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(cut.statusCode()).as("rows were streamed before ClickHouse was lost").isEqualTo(200);
            try (InputStream body = cut.body()) {
                assertThatThrownBy(body::readAllBytes).as("an aborted download, not a complete-looking CSV")
                        .isInstanceOf(IOException.class);
            }
        } finally {
            clickHouseProxy.restore();
        }
        assertThat(get(path, token).body()).isEqualTo(whole.body());
    }

    @Test
    void aSubscriptionInXlsxMailsAWorkbook() throws Exception {
        CliResult subscribed = CliResult.run(cli, "export", "subscribe", "--workspace", WS, "--email", "manager@acme.test",
                "--every", "daily", "--format", "xlsx");
        assertThat(subscribed.exitCode()).as(subscribed.err()).isZero();
        postgres.sql("UPDATE export_subscriptions SET created_at = '2026-11-01'").update();
        tick.tick(OffsetDateTime.parse("2026-11-24T09:30:00+05:30").toInstant());
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        Part attachment = attachment(mails[0]);
        assertThat(attachment.getFileName()).isEqualTo("broadcasts-acme-sales-2026-11-23-2026-11-23.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(attachment.getInputStream())) {
            XSSFRow summer = workbook.getSheet("broadcasts").getRow(1);
            assertThat(summer.getCell(0).getStringCellValue()).isEqualTo("bc_summer");
            assertThat(summer.getCell(4).getNumericCellValue()).as("targeted").isEqualTo(25.0);
        }
    }

    @Test
    void formulasExportAsInertText() throws Exception {
        CSVRecord evil = export("broadcasts", "2026-11-23", "2026-11-23").stream()
                .filter(r -> r.get("broadcast_id").equals("bc_evil")).findFirst().orElseThrow();
        assertThat(evil.get("name")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(evil.get("template")).isEqualTo("'@tpl");
        assertThat(evil.get("targeted")).isEqualTo("1");
    }

    @Test
    void recipientsExportCarriesEachStatusTime() throws Exception {
        List<CSVRecord> csv = export("broadcasts", "2026-11-23", "2026-11-23", "--recipients");
        assertThat(csv).hasSize(25 + 1 + 1);
        CSVRecord w20 = csv.stream().filter(r -> r.get("wamid").equals("wamid.W20")).findFirst().orElseThrow();
        assertThat(w20.get("final_state")).isEqualTo("failed");
        assertThat(w20.get("error_code")).isEqualTo("131049");
        assertThat(w20.get("failed_at")).isEqualTo("2026-11-23T15:34:30+05:30");
        CSVRecord w16 = csv.stream().filter(r -> r.get("wamid").equals("wamid.W16")).findFirst().orElseThrow();
        assertThat(w16.get("final_state")).isEqualTo("read");
        assertThat(w16.get("read_at")).isEqualTo("2026-11-23T15:33:36+05:30");
        assertThat(w16.get("delivered_at")).isEqualTo("2026-11-23T15:33:26+05:30");
        assertThat(w16.get("error_code")).isEmpty();
    }

    @Test
    void conversationsExportEqualsTheConversationFacts() throws Exception {
        List<CSVRecord> csv = export("conversations", "2026-11-23", "2026-11-23");
        List<List<String>> facts = clickHouse.sql().sql("""
                SELECT conversation_id, agent_id, team_id, toString(first_response_seconds), toString(replies), resolved_by
                  FROM conversation_facts WHERE workspace_id = :ws AND opened_at < toDateTime('2026-11-23 18:30:00', 'UTC')
                 ORDER BY opened_at, conversation_id""").param("ws", WS)
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6))).list();
        assertThat(csv).extracting(r -> List.of(r.get("conversation_id"), r.get("agent_id"), r.get("team_id"),
                r.get("first_response_seconds").isEmpty() ? "-1" : r.get("first_response_seconds"), r.get("replies"),
                r.get("resolved_by"))).isEqualTo(facts);
        assertThat(csv.get(0).get("first_response_seconds")).isEqualTo("300");
        assertThat(csv.get(0).get("resolved_at")).isEqualTo("2026-11-23T15:50:00+05:30");
        assertThat(csv.get(0).get("attributed_id")).isEqualTo("bc_summer");
        assertThat(csv.get(1).get("attributed_kind")).isEqualTo("link");
    }

    @Test
    void theApiStreamsTheSameCsvToReadTokensOfTheWorkspaceOnly() throws Exception {
        Path file = dir.resolve("b.csv");
        CliResult cliRun = CliResult.run(cli, "export", "broadcasts", "--workspace", WS, "--from", "2026-11-23", "--to",
                "2026-11-23", "--out", file.toString());
        assertThat(cliRun.exitCode()).as(cliRun.err()).isZero();
        String path = "/api/v1/workspaces/" + WS + "/exports/broadcasts.csv?from=2026-11-23&to=2026-11-23";
        HttpResponse<String> api = get(path, readToken);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(api.body()).isEqualTo(Files.readString(file));
        assertThat(get(path, otherToken).statusCode()).isEqualTo(403);
        assertThat(get(path, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/workspaces/" + WS + "/exports/contacts.csv?from=2026-11-23&to=2026-11-23", readToken)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void subscribingNeedsAManagerOfTheWorkspace() {
        CliResult other = CliResult.run(cli, "export", "subscribe", "--workspace", WS, "--email", "other-manager@acme.test",
                "--every", "daily");
        assertThat(other.exitCode()).isEqualTo(2);
        assertThat(other.err()).contains("is not a manager of " + WS, "--role manager");
        CliResult agent = CliResult.run(cli, "export", "subscribe", "--workspace", WS, "--email", "agent@acme.test",
                "--every", "daily");
        assertThat(agent.exitCode()).isEqualTo(2);
    }

    @Test
    void racingTicksMailEachPeriodOnceAndOnlyToTheManager() throws Exception {
        long daily = subscribe("daily");
        long weekly = subscribe("weekly");
        // a subscription whose address stopped being a manager of this workspace (e.g. moved): never mailed
        long stale = postgres.sql("""
                INSERT INTO export_subscriptions (workspace_id, email, kind, cadence, created_at)
                VALUES (?, 'other-manager@acme.test', 'broadcasts', 'daily', '2026-11-01') RETURNING id""")
                .param(WS).query(Long.class).single();
        Instant monday = OffsetDateTime.parse("2026-11-30T09:10:00+05:30").toInstant();

        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> tickers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            tickers.add(pool.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    tick.tick(monday.plusSeconds(i * 300L));
                }
                return null;
            }));
        }
        for (Future<?> ticker : tickers) {
            ticker.get();
        }
        pool.shutdown();

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        for (MimeMessage mail : mails) {
            assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("manager@acme.test");
        }
        assertThat(List.of(mails).stream().map(m -> header(m, "Message-ID")).toList()).containsExactlyInAnyOrder(
                "<export." + daily + ".2026-11-29@wapi-analytics>", "<export." + weekly + ".2026-11-23@wapi-analytics>");
        assertThat(postgres.sql("SELECT state FROM send_ledger WHERE kind = 'export' AND scope = ?").param(String.valueOf(stale))
                .query(String.class).single()).isEqualTo("skipped");

        MimeMessage weeklyMail = List.of(mails).stream()
                .filter(m -> header(m, "Message-ID").contains("." + weekly + ".")).findFirst().orElseThrow();
        Part attachment = attachment(weeklyMail);
        assertThat(attachment.getFileName()).isEqualTo("broadcasts-acme-sales-2026-11-23-2026-11-29.zip");
        String csv = unzip(attachment.getInputStream());
        assertThat(csv).startsWith(String.join(",", BroadcastsExport.COLUMNS.stream().map(Column::name).toList()))
                .contains("bc_summer,Summer sale");

        // a later tick the same day does nothing; the next day mails the next daily period
        assertThat(tick.tick(monday.plusSeconds(7200))).extracting(ExportTick.Due::outcome).containsOnly("ALREADY_DONE");
        assertThat(tick.tick(monday.plusSeconds(86400))).extracting(ExportTick.Due::outcome).contains("COMPLETED SENT");
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void anSmtpFailureLeavesThePeriodToTheNextTickWhichMailsItOnce() throws Exception {
        long daily = subscribe("daily");
        Instant morning = OffsetDateTime.parse("2026-11-24T09:30:00+05:30").toInstant();
        smtp.stop();
        try {
            assertThat(tick.tick(morning)).extracting(ExportTick.Due::outcome).singleElement()
                    .satisfies(outcome -> assertThat(outcome).startsWith("FAILED"));
        } finally {
            smtp.start();
        }
        assertThat(postgres.sql("SELECT state FROM send_ledger WHERE kind = 'export' AND scope = ?").param(String.valueOf(daily))
                .query(String.class).single()).isEqualTo("failed");
        tick.tick(morning.plusSeconds(300));
        tick.tick(morning.plusSeconds(600));
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(postgres.sql("SELECT state || ' ' || attempts FROM send_ledger WHERE kind = 'export' AND scope = ?").param(String.valueOf(daily))
                .query(String.class).single()).isEqualTo("sent 2");
    }

    private long subscribe(String cadence) {
        CliResult result = CliResult.run(cli, "export", "subscribe", "--workspace", WS, "--email", "manager@acme.test",
                "--every", cadence);
        assertThat(result.exitCode()).as(result.err()).isZero();
        long id = Long.parseLong(result.line());
        postgres.sql("UPDATE export_subscriptions SET created_at = '2026-11-01' WHERE id = ?").param(id).update();
        return id;
    }

    private List<CSVRecord> export(String kind, String from, String to, String... more) throws Exception {
        Path file = dir.resolve(kind + from + to + more.length + ".csv");
        List<String> args = new ArrayList<>(List.of("export", kind, "--workspace", WS, "--from", from, "--to", to,
                "--out", file.toString()));
        args.addAll(List.of(more));
        CliResult result = CliResult.run(cli, args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return SafeCsv.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(file, StandardCharsets.UTF_8))).getRecords();
    }

    private JsonNode reportJson(String report) {
        CliResult json = CliResult.run(cli, "report", report, "--workspace", WS, "--from", "2026-11-23", "--to", "2026-11-29",
                "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        return JSON.readTree(json.out());
    }

    /** Every cell of a sheet as a spreadsheet shows it. */
    private static List<List<String>> cells(XSSFSheet sheet) {
        DataFormatter formatter = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        sheet.forEach(row -> {
            List<String> cells = new ArrayList<>();
            row.forEach(cell -> cells.add(cell.getColumnIndex() + ":" + cell.getCellType() + ":" + formatter.formatCellValue(cell)));
            rows.add(cells);
        });
        return rows;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name)[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Part attachment(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
        }
        throw new AssertionError("no attachment");
    }

    private static String unzip(InputStream in) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(in)) {
            zip.getNextEntry();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            zip.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
