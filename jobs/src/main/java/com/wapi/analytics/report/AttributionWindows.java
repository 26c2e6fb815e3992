package com.wapi.analytics.report;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.clickhouse.ClickHouse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The attribution windows of docs/definitions.md (settings wapi.attribution.conversation-window, default 72h, and
 * wapi.attribution.conversion-window, default 7d). The ClickHouse views read them from product_settings, which
 * {@link #store()} rewrites at every `scripts/wapi migrate`: change a window, then run migrate.
 */
@Component
public class AttributionWindows {

    /** The defaults the views fall back on when product_settings has no row (clickhouse/004_conversations.sql). */
    static final Duration DEFAULT_CONVERSATION = Duration.ofHours(72);
    static final Duration DEFAULT_CONVERSION = Duration.ofDays(7);

    private final ClickHouse clickHouse;
    private final Duration conversation;
    private final Duration conversion;

    public AttributionWindows(ClickHouse clickHouse, @Value("${wapi.attribution.conversation-window:72h}") Duration conversation,
            @Value("${wapi.attribution.conversion-window:7d}") Duration conversion) {
        if (conversation.isNegative() || conversation.isZero() || conversion.isNegative() || conversion.isZero()) {
            throw new InvalidInputException("wapi.attribution.conversation-window and conversion-window must be positive "
                    + "durations such as 72h or 7d");
        }
        this.clickHouse = clickHouse;
        this.conversation = conversation;
        this.conversion = conversion;
    }

    public void store() {
        clickHouse.truncate("product_settings");
        clickHouse.sql().sql("INSERT INTO product_settings (name, value) VALUES ('conversation_window_seconds', :conversation), "
                + "('conversion_window_seconds', :conversion)")
                .param("conversation", Long.toString(conversation.toSeconds()))
                .param("conversion", Long.toString(conversion.toSeconds())).update();
    }

    /** The windows the views use now, in seconds: product_settings, else the defaults. */
    record InUse(long conversationSeconds, long conversionSeconds) {
    }

    InUse inUse() {
        long[] seconds = {DEFAULT_CONVERSATION.toSeconds(), DEFAULT_CONVERSION.toSeconds()};
        clickHouse.sql().sql("SELECT name, value FROM product_settings").query(rs -> {
            int i = rs.getString(1).equals("conversation_window_seconds") ? 0 : rs.getString(1).equals("conversion_window_seconds") ? 1 : -1;
            if (i >= 0) {
                seconds[i] = Long.parseLong(rs.getString(2));
            }
        });
        return new InUse(seconds[0], seconds[1]);
    }

    /** The definition as reports print it, with the windows the views use now (product_settings, else defaults). */
    public String definition() {
        return definition(inUse());
    }

    String definition(InUse inUse) {
        long[] seconds = {inUse.conversationSeconds(), inUse.conversionSeconds()};
        return "attribution: a conversation belongs to the contact's last broadcast, flow or link touch in the "
                + describe(seconds[0]) + " before it opened; a conversion to the last touch in the " + describe(seconds[1])
                + " before it";
    }

    static String describe(long seconds) {
        if (seconds % 86400 == 0 && seconds > 3 * 86400) {
            return seconds / 86400 + " days";
        }
        return seconds % 3600 == 0 ? seconds / 3600 + " hours" : seconds / 60 + " minutes";
    }
}
