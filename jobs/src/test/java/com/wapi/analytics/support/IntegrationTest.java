package com.wapi.analytics.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that need the application on real databases: each test class gets its own freshly migrated
 * Postgres and ClickHouse databases, and its own application context.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class IntegrationTest {

    protected static TestDatabases.Pair databases;

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        databases = TestDatabases.create();
        databases.springProperties().forEach((key, value) -> registry.add(key, () -> value));
    }
}
