package com.wapi.analytics.clickhouse;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

/** ClickHouse answered an insert with an error: its message, and whether the error is about the rows' values. */
public class InsertRefusedException extends InvalidDataAccessResourceUsageException {

    private static final Pattern CODE = Pattern.compile("Code: (\\d+)");

    /**
     * Error codes of a value its column cannot take: CANNOT_PARSE_TEXT, CANNOT_PARSE_ESCAPE_SEQUENCE,
     * CANNOT_PARSE_QUOTED_STRING, CANNOT_PARSE_INPUT_ASSERTION_FAILED, CANNOT_PARSE_DATE, CANNOT_PARSE_DATETIME,
     * ARGUMENT_OUT_OF_BOUND (e.g. too many digits for a Decimal), CANNOT_CONVERT_TYPE, CANNOT_PARSE_NUMBER,
     * INCORRECT_DATA, TOO_LARGE_STRING_SIZE, VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE, DECIMAL_OVERFLOW. Anything else
     * (unknown table or column, memory, too many parts) is about the server or the schema, not about some rows.
     */
    private static final Set<Integer> VALUE_ERRORS = Set.of(6, 25, 26, 27, 38, 41, 69, 70, 72, 117, 131, 321, 407);

    private final String serverMessage;

    public InsertRefusedException(String table, int httpStatus, String serverMessage) {
        super("ClickHouse refused the insert into " + table + " (HTTP " + httpStatus + "): " + serverMessage);
        this.serverMessage = serverMessage;
    }

    /** ClickHouse's own message (at most 500 characters). */
    public String serverMessage() {
        return serverMessage;
    }

    /** Whether ClickHouse refused some value of the rows, so that other rows would load without it. */
    public boolean refusesValues() {
        Matcher code = CODE.matcher(serverMessage);
        return code.find() && VALUE_ERRORS.contains(Integer.parseInt(code.group(1)));
    }
}
