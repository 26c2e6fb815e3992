package com.wapi.analytics.clickhouse;

import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.util.function.SingletonSupplier;

/**
 * A query over a Distributed table found no replica of a shard answering (ClickHouse code 279, all connection tries
 * failed). The product never sets skip_unavailable_shards, so such a query fails rather than return the figures of
 * the other shards; this names the servers that did not answer.
 */
public class ShardUnavailableException extends DataAccessResourceFailureException {

    private static final Pattern ALL_TRIES_FAILED = Pattern.compile("Code: 279\\b");
    private static final Pattern ADDRESS = Pattern.compile("\\(([\\w.-]+:\\d+)\\)");

    ShardUnavailableException(String servers, String task) {
        super("a ClickHouse shard is unavailable: no replica answered (" + servers + "); " + task
                + " failed rather than give figures without that shard's workspaces. Start the shard's servers, then retry");
    }

    /** The servers a ClickHouse error names, e.g. (127.0.0.1:9000), in order, once each. */
    static String servers(String message) {
        Set<String> servers = new LinkedHashSet<>();
        Matcher m = ADDRESS.matcher(message);
        while (m.find()) {
            servers.add(m.group(1));
        }
        return servers.isEmpty() ? "the server's log names them" : String.join(", ", servers);
    }

    /** Spring's translation of every other error, made when first needed (it reads the database's metadata). */
    static final class Translator implements SQLExceptionTranslator {

        private final SingletonSupplier<SQLExceptionTranslator> next;

        Translator(DataSource dataSource) {
            this.next = SingletonSupplier.of(() -> new SQLErrorCodeSQLExceptionTranslator(dataSource));
        }

        @Override
        public DataAccessException translate(String task, String sql, SQLException e) {
            String message = String.valueOf(e.getMessage());
            if (ALL_TRIES_FAILED.matcher(message).find()) {
                return new ShardUnavailableException(servers(message), task);
            }
            return next.obtain().translate(task, sql, e);
        }
    }
}
