package com.wapi.analytics.retention;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.console.Table;
import com.wapi.analytics.tenancy.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "retention", mixinStandardHelpOptions = true,
        description = {"Drop raw_events' day partitions older than wapi.retention.raw-days (default 30) whose "
                + "events are all loaded, with their quarantine entries and the old dedup keys. A day holding an "
                + "event the etl has not loaded is kept. `serve` runs this daily at 03:40 UTC."})
public class RetentionCommand implements Runnable {

    @Spec CommandSpec spec;
    @Mixin Actor actor;
    @Option(names = "--dry-run", description = "show what would be dropped, change nothing") boolean dryRun;
    @Option(names = "--raw-days", paramLabel = "N",
            description = "keep this many days instead of wapi.retention.raw-days") Integer rawDays;

    private final RawRetention retention;
    private final RetentionProperties properties;

    RetentionCommand(RawRetention retention, RetentionProperties properties) {
        this.retention = retention;
        this.properties = properties;
    }

    @Override
    public void run() {
        int days = rawDays != null ? rawDays : properties.rawDays();
        if (days < 1) {
            throw new InvalidInputException((rawDays != null ? "--raw-days" : "wapi.retention.raw-days") + " is "
                    + days + ": give at least 1 (days of raw events to keep)");
        }
        RawRetention.Run run = retention.run(days, dryRun, actor.name());
        Table table = new Table("DAY", "ROWS", "NOT LOADED", "ACTION");
        for (RawRetention.Partition p : run.partitions()) {
            table.row(p.day(), p.rows(), p.unloaded(), !p.droppable() ? "kept: events not loaded yet"
                    : dryRun ? "would drop" : "dropped");
        }
        table.print(spec.commandLine().getOut());
        spec.commandLine().getOut().printf("quarantine entries %s: %d; dedup keys %s: %d%n",
                dryRun ? "that would go" : "deleted", run.quarantineDeleted(),
                dryRun ? "that would go" : "deleted", run.keysDeleted());
    }
}
