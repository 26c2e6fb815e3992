package com.wapi.analytics.etl;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.support.TestDatabases;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema and the code cannot disagree: every fact table's columns, as ClickHouse describes them after
 * `migrate`, are the columns the etl writes, in the same order and of types that take the written values; columns
 * the etl does not write must have a default.
 */
class FactTableSchemaTests {

    private static ClickHouse clickHouse;

    /** The ClickHouse types that take what {@link FactTable} writes for each Java component type. */
    private static final Map<Class<?>, String> TYPES = Map.of(
            String.class, "(LowCardinality\\()?(String|FixedString\\(\\d+\\))\\)?",
            int.class, "U?Int(8|16|32|64)",
            long.class, "U?Int64",
            short.class, "U?Int(8|16|32|64)",
            boolean.class, "UInt8",
            Instant.class, "DateTime(\\('UTC'\\))?",
            BigDecimal.class, "Decimal(\\(\\d+, \\d+\\)|32\\(\\d+\\)|64\\(\\d+\\)|128\\(\\d+\\))");

    record Described(String name, String type, String defaultKind) {
    }

    @BeforeAll
    static void databases() {
        clickHouse = new ClickHouse(TestDatabases.create().clickHouse());
    }

    @AfterAll
    static void close() {
        clickHouse.close();
    }

    @Test
    void everyFactTableHasTheColumnsTheEtlWritesInOrder() {
        assertThat(FactTables.all()).hasSize(11);
        for (FactTable table : FactTables.all()) {
            List<Described> described = describe(table.name());
            List<String> stored = described.stream().filter(d -> d.defaultKind().isEmpty()).map(Described::name).toList();
            assertThat(stored).as("columns of %s without a default, in order", table.name())
                    .isEqualTo(table.columns());
        }
    }

    @Test
    void everyWrittenColumnHasATypeThatTakesItsValues() {
        for (FactTable table : FactTables.all()) {
            List<Class<?>> javaTypes = new ArrayList<>();
            for (RecordComponent component : table.type().getRecordComponents()) {
                javaTypes.add(component.getType());
            }
            javaTypes.add(long.class); // raw_event_id
            List<Described> described = describe(table.name());
            for (int i = 0; i < table.columns().size(); i++) {
                String column = table.columns().get(i);
                String type = described.stream().filter(d -> d.name().equals(column)).findFirst().orElseThrow().type();
                assertThat(type).as("%s.%s for a Java %s", table.name(), column, javaTypes.get(i).getSimpleName())
                        .matches(TYPES.get(javaTypes.get(i)));
            }
        }
    }

    @Test
    void aColumnAddedToATableWithoutTheCodeIsFound() {
        clickHouse.sql().sql("CREATE TABLE drifted AS retries").update();
        clickHouse.sql().sql("ALTER TABLE drifted ADD COLUMN note String AFTER workspace_id").update();
        List<String> stored = describe("drifted").stream().filter(d -> d.defaultKind().isEmpty())
                .map(Described::name).toList();
        assertThat(stored).isNotEqualTo(FactTables.all().stream().filter(t -> t.name().equals("retries"))
                .findFirst().orElseThrow().columns());
    }

    private static List<Described> describe(String table) {
        return clickHouse.sql().sql("DESCRIBE TABLE " + table)
                .query((rs, n) -> new Described(rs.getString("name"), rs.getString("type"),
                        rs.getString("default_type")))
                .list();
    }
}
