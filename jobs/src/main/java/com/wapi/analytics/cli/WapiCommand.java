package com.wapi.analytics.cli;

import picocli.CommandLine.Command;

/** The root of {@code scripts/wapi}; its commands are found by {@link CommandCatalogue}. */
@Command(name = "wapi", mixinStandardHelpOptions = true, version = "wapi-analytics 0.1.0",
        description = "wapi-analytics: operational analytics for WhatsApp Business messaging.",
        footer = {"", "Exit codes: 0 ok, 1 the job or check failed, 2 usage or configuration error.",
                "Settings come from WAPI_* environment variables (see README.md)."})
public class WapiCommand {
}
