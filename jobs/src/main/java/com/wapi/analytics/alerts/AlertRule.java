package com.wapi.analytics.alerts;

import java.util.List;

/** One kind of alert (docs/definitions.md, Alerts): judges the subjects of a workspace at an evaluation. */
interface AlertRule {

    /** The rule's name in the incidents table, the CLI and the webhook, e.g. {@code error_spike}. */
    String name();

    /** What the rule watches, for the email: "Error code spike". */
    String title();

    /**
     * The verdicts on the subjects the rule has figures for. An open incident whose subject has no verdict is
     * resolved: its condition no longer shows in the facts.
     */
    List<Finding> judge(Scope scope);
}
