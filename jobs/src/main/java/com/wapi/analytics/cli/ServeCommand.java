package com.wapi.analytics.cli;

import picocli.CommandLine.Command;

/** Only documents {@code serve}: {@link com.wapi.analytics.WapiApplication} starts the web application itself. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the webhook receiver, the reporting API and the scheduler "
                + "(etl every minute, digest tick every 5 minutes).",
                "Listens on WAPI_HTTP_PORT (default 8080), where /actuator/health says UP or DOWN; health details "
                        + "and /actuator/prometheus on WAPI_MANAGEMENT_PORT (default 8081, 127.0.0.1 only).",
                "Drops raw events past wapi.retention.raw-days daily at 03:40 UTC (see: wapi retention --help)."})
public class ServeCommand implements Runnable {

    @Override
    public void run() {
        throw new com.wapi.analytics.InvalidInputException("serve runs as its own process: scripts/wapi serve");
    }
}
