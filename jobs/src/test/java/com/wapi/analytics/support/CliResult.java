package com.wapi.analytics.support;

import com.wapi.analytics.cli.WapiCommandLine;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of a wapi command: its exit code and what it printed. */
public record CliResult(int exitCode, String out, String err) {

    public static CliResult run(WapiCommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliResult(code, out.toString(), err.toString());
    }

    public String line() {
        return out.strip();
    }
}
