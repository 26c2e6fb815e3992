package com.wapi.analytics.tenancy;

import picocli.CommandLine.Option;

/** The {@code --actor} option of every administrative command: who the audit trail names. */
public class Actor {

    @Option(names = "--actor", description = "who makes the change, for the audit trail (default: the OS user)")
    String name;

    public String name() {
        return name != null && !name.isBlank() ? name.strip() : osUser();
    }

    /** Who a change made without {@code --actor} is attributed to. */
    public static String osUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : "os:" + user;
    }
}
