package com.wapi.analytics.readers.errors;

/**
 * One entry of the Meta error catalogue.
 *
 * @param label short friendly label an ops person understands
 * @param category recipient, rate_limit, template, policy, account, billing, request, media, platform, flow,
 *        registration or payments
 * @param fix the one thing the business does about it
 * @param channel where it arrives: webhook (failed status), sync (send API answer) or both
 */
public record MetaError(int code, String title, String label, String category, RetryClass retry, String fix,
        String channel) {
}
