package com.wapi.analytics.web;

import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * Charts drawn on the server as SVG: no script to load, nothing fetched from elsewhere, and every chart's numbers
 * stay beside it in a table (its text alternative).
 */
final class Charts {

    private static final int W = 600;
    private static final int H = 180;
    private static final int PAD = 28;

    private Charts() {
    }

    /** A rate (0 to 1) per day, this period solid and the previous period faint; null marks a day with nothing to measure. */
    static String rateLine(String title, List<String> days, List<Double> now, List<Double> before) {
        StringBuilder svg = open(title + ": " + String.join(", ", describe(days, now)));
        for (int pct = 0; pct <= 100; pct += 50) {
            double y = y(pct / 100.0);
            svg.append(fmt("<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>", PAD, y, W, y));
            svg.append(fmt("<text class=\"axis\" x=\"0\" y=\"%.1f\">%d%%</text>", y + 4, pct));
        }
        svg.append(path(before, "previous")).append(path(now, "current"));
        for (int i = 0; i < days.size(); i += Math.max(1, days.size() / 6)) {
            svg.append(fmt("<text class=\"axis\" x=\"%.1f\" y=\"%d\">%s</text>", x(i, days.size()) - 14, H - 2,
                    HtmlUtils.htmlEscape(days.get(i).substring(5))));
        }
        return svg.append("</svg>").toString();
    }

    /** A small line of counts per day, for a table cell. */
    static String sparkline(long[] perDay) {
        long max = 1;
        for (long n : perDay) {
            max = Math.max(max, n);
        }
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < perDay.length; i++) {
            double x = perDay.length == 1 ? 50 : 100.0 * i / (perDay.length - 1);
            points.append(fmt("%.1f,%.1f ", x, 18 - 16.0 * perDay[i] / max));
        }
        String line = perDay.length == 1 ? fmt("<circle cx=\"50\" cy=\"%.1f\" r=\"2\"/>", 18 - 16.0 * perDay[0] / max)
                : "<polyline points=\"" + points.toString().strip() + "\"/>";
        return "<svg class=\"spark\" viewBox=\"0 0 100 20\" role=\"img\" aria-label=\"per day: " + join(perDay) + "\">" + line
                + "</svg>";
    }

    /** Vertical bars with their counts above them. */
    static String bars(String title, List<String> labels, long[] values) {
        StringBuilder svg = open(title + ": " + join(values));
        long max = 1;
        for (long v : values) {
            max = Math.max(max, v);
        }
        double slot = (W - PAD) / (double) values.length;
        for (int i = 0; i < values.length; i++) {
            double height = (H - 2.0 * PAD) * values[i] / max;
            double x = PAD + i * slot + slot * 0.15;
            svg.append(fmt("<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>", x, H - PAD - height,
                    slot * 0.7, height));
            svg.append(fmt("<text class=\"value\" x=\"%.1f\" y=\"%.1f\">%d</text>", x + slot * 0.35 - 4, H - PAD - height - 4,
                    values[i]));
            svg.append(fmt("<text class=\"axis\" x=\"%.1f\" y=\"%d\">%s</text>", x, H - 8, HtmlUtils.htmlEscape(labels.get(i))));
        }
        return svg.append("</svg>").toString();
    }

    /** Delivered out of targeted as a bar, the failed ones in red at its end. */
    static String progress(long delivered, long failed, long targeted) {
        double done = targeted == 0 ? 0 : 100.0 * delivered / targeted;
        double lost = targeted == 0 ? 0 : 100.0 * failed / targeted;
        return fmt("<svg class=\"progress\" viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\">"
                + "<rect class=\"track\" width=\"100\" height=\"8\"/><rect class=\"done\" width=\"%.1f\" height=\"8\"/>"
                + "<rect class=\"lost\" x=\"%.1f\" width=\"%.1f\" height=\"8\"/></svg>", done, 100 - lost, lost);
    }

    private static StringBuilder open(String label) {
        return new StringBuilder(fmt("<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", W, H,
                HtmlUtils.htmlEscape(label)));
    }

    /** The series as a line, and a dot on each day: a day alone (a one-day period, or between gaps) is a dot only. */
    private static String path(List<Double> values, String cssClass) {
        StringBuilder d = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v == null) {
                pen = false;
                continue;
            }
            d.append(fmt("%s%.1f %.1f ", pen ? "L" : "M", x(i, values.size()), y(v)));
            dots.append(fmt("<circle class=\"%s dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"/>", cssClass, x(i, values.size()), y(v)));
            pen = true;
        }
        return d.isEmpty() ? "" : "<path class=\"" + cssClass + "\" d=\"" + d.toString().strip() + "\"/>" + dots;
    }

    private static double x(int i, int count) {
        return count <= 1 ? (PAD + W) / 2.0 : PAD + 8 + (W - PAD - 16) * i / (double) (count - 1);
    }

    private static double y(double rate) {
        return H - PAD - (H - 2.0 * PAD) * rate;
    }

    private static List<String> describe(List<String> days, List<Double> values) {
        return java.util.stream.IntStream.range(0, days.size()).mapToObj(i -> days.get(i) + " "
                + (values.get(i) == null ? "-" : fmt("%.1f%%", values.get(i) * 100))).toList();
    }

    private static String join(long[] values) {
        return String.join(", ", java.util.Arrays.stream(values).mapToObj(Long::toString).toList());
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
