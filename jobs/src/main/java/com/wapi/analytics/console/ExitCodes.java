package com.wapi.analytics.console;

import java.sql.SQLException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The exit codes of docs/contract.md: 0 ok, 1 the job or check failed, 2 usage or configuration error. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private ExitCodes() {
    }

    public static int onUsageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("error: " + e.getMessage() + " (see: wapi "
                + cmd.getCommandSpec().qualifiedName(" ").replaceFirst("^wapi ?", "") + " --help)");
        return USAGE;
    }

    public static int onFailure(Exception e, CommandLine cmd, ParseResult parsed) {
        if (e instanceof com.wapi.analytics.InvalidInputException) {
            cmd.getErr().println("error: " + e.getMessage());
            return USAGE;
        }
        cmd.getErr().println("error: " + explain(e));
        return isUnreachableDatabase(e) ? USAGE : FAILED;
    }

    public static String explain(Throwable e) {
        if (isUnreachableDatabase(e)) {
            return "cannot reach a database (" + rootMessage(e) + "): start them with `scripts/services up` "
                    + "or point WAPI_PG_URL / WAPI_CH_URL at running servers";
        }
        return rootMessage(e);
    }

    private static boolean isUnreachableDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof DataAccessResourceFailureException
                    || t instanceof java.net.ConnectException
                    || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }

    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
