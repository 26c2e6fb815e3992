package com.wapi.analytics.alerts;

import com.wapi.analytics.report.ErrorLabels;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * An error code failed at least M messages of the recent window and at least k times its baseline: its failures of
 * the 7 days before, scaled to the window's length.
 */
@Component
@Order(2)
class ErrorSpikeRule implements AlertRule {

    static final String NAME = "error_spike";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Error code spike";
    }

    @Override
    public List<Finding> judge(Scope scope) {
        MessageFigures m = scope.messages();
        AlertSettings s = scope.settings();
        double scale = (double) s.deliveryWindow().toSeconds() / MessageWindows.BASELINE.toSeconds();
        List<Finding> findings = new ArrayList<>();
        m.recent().failures().forEach((code, failures) -> {
            double expected = m.baseline().failures().getOrDefault(code, 0L) * scale;
            boolean firing = failures >= s.errorSpikeMin()
                    && BigDecimal.valueOf(failures).compareTo(s.errorSpikeFactor().multiply(BigDecimal.valueOf(expected))) >= 0;
            ErrorLabels.Label label = ErrorLabels.describe(code, m.recent().titles().get(code));
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("code", code);
            figures.put("label", label.label());
            figures.put("fix", label.fix());
            figures.put("retry", label.retry());
            figures.put("window", Durations.format(s.deliveryWindow()));
            figures.put("failures", failures);
            figures.put("baseline_failures", String.format(Locale.ROOT, "%.1f", expected));
            figures.put("factor", s.errorSpikeFactor().stripTrailingZeros().toPlainString());
            figures.put("min_failures", s.errorSpikeMin());
            String summary = String.format(Locale.ROOT, "error %d (%s): %d failed messages in the %s to %s, against %.1f "
                            + "expected from the 7 days before (alert at %s times and at least %d)", code, label.label(),
                    failures, m.recentFrom(), m.recentTo(), expected, figures.get("factor"), s.errorSpikeMin());
            findings.add(new Finding(Integer.toString(code), firing, summary, figures));
        });
        return findings;
    }
}
