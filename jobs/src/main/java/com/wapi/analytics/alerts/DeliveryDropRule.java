package com.wapi.analytics.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The delivery rate of the recent window is at least N points below the 7 days before it, both with at least the
 * minimum volume of targeted messages.
 */
@Component
@Order(1)
class DeliveryDropRule implements AlertRule {

    static final String NAME = "delivery_drop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Delivery rate drop";
    }

    @Override
    public List<Finding> judge(Scope scope) {
        MessageFigures m = scope.messages();
        AlertSettings s = scope.settings();
        double points = (m.baseline().deliveryRate() - m.recent().deliveryRate()) * 100;
        boolean enough = m.recent().targeted() >= s.minVolume() && m.baseline().targeted() >= s.minVolume();
        boolean firing = enough && points >= s.deliveryDropPoints();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("window", Durations.format(s.deliveryWindow()));
        figures.put("window_from", m.recentFrom().toString());
        figures.put("window_to", m.recentTo().toString());
        figures.put("targeted", m.recent().targeted());
        figures.put("delivered", m.recent().delivered());
        figures.put("delivery_rate", percent(m.recent().deliveryRate()));
        figures.put("baseline_targeted", m.baseline().targeted());
        figures.put("baseline_delivery_rate", percent(m.baseline().deliveryRate()));
        figures.put("drop_points", String.format(Locale.ROOT, "%.1f", points));
        figures.put("threshold_points", s.deliveryDropPoints());
        figures.put("min_volume", s.minVolume());
        String summary = String.format(Locale.ROOT, "delivery rate %s of %d targeted in the %s to %s, against %s of %d "
                        + "over the 7 days before: %.1f points %s (alert at %d points, at least %d targeted)",
                percent(m.recent().deliveryRate()), m.recent().targeted(), m.recentFrom(), m.recentTo(),
                percent(m.baseline().deliveryRate()), m.baseline().targeted(), Math.abs(points),
                points >= 0 ? "lower" : "higher", s.deliveryDropPoints(), s.minVolume());
        return List.of(new Finding("delivery", firing, summary, figures));
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }
}
