package com.wapi.analytics.cli;

import picocli.CommandLine.Command;

/** Only documents {@code serve}: {@link com.wapi.analytics.WapiApplication} starts the web application itself. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the webhook receiver, the reporting API and the scheduler "
                + "(etl every minute, digest tick every 5 minutes).",
                "Listens on WAPI_HTTP_PORT (default 8080); health at /actuator/health."})
public class ServeCommand implements Runnable {

    @Override
    public void run() {
        throw new com.wapi.analytics.InvalidInputException("serve runs as its own process: scripts/wapi serve");
    }
}
