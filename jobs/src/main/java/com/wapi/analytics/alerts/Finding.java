package com.wapi.analytics.alerts;

import java.util.Map;

/**
 * A rule's verdict on one subject of a workspace (an error code, a template, a phone number...).
 *
 * @param summary one line that says what is wrong (or that it is over), with the figures and the baseline
 * @param figures the figures behind the verdict, kept with the incident and sent in the email and the webhook
 */
record Finding(String subject, boolean firing, String summary, Map<String, Object> figures) {
}
