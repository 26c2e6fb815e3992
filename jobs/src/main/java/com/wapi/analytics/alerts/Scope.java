package com.wapi.analytics.alerts;

import com.wapi.analytics.tenancy.Workspace;
import java.time.Instant;
import java.util.function.Function;

/** One workspace at one evaluation: its settings, the evaluation's instant, and the message figures read once. */
final class Scope {

    private final Workspace workspace;
    private final AlertSettings settings;
    private final Instant now;
    private final Function<Scope, MessageFigures> reader;
    private MessageFigures messages;

    Scope(Workspace workspace, AlertSettings settings, Instant now, Function<Scope, MessageFigures> reader) {
        this.workspace = workspace;
        this.settings = settings;
        this.now = now;
        this.reader = reader;
    }

    Workspace workspace() {
        return workspace;
    }

    AlertSettings settings() {
        return settings;
    }

    Instant now() {
        return now;
    }

    /** The delivery and failure figures of the recent window and its baseline, shared by two rules. */
    MessageFigures messages() {
        if (messages == null) {
            messages = reader.apply(this);
        }
        return messages;
    }
}
