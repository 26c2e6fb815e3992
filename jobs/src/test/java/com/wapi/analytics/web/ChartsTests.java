package com.wapi.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** The server-drawn charts show every measured day, a day alone included, and nothing for a day without one. */
class ChartsTests {

    @Test
    void aOneDayPeriodIsADotAtItsRateBesideThePreviousDay() {
        Element svg = svg(Charts.rateLine("Delivery rate per day", List.of("2026-11-23"), List.of(0.76), List.of(0.5)));
        assertThat(svg.select("circle.current.dot")).singleElement()
                .satisfies(dot -> assertThat(dot.attr("cy")).isEqualTo("57.8")); // 180 - 28 - 124 x 0.76
        assertThat(svg.select("circle.previous.dot")).singleElement()
                .satisfies(dot -> assertThat(dot.attr("cy")).isEqualTo("90.0"));
        assertThat(svg.attr("aria-label")).isEqualTo("Delivery rate per day: 2026-11-23 76.0%");
    }

    @Test
    void aDayWithNothingToMeasureBreaksTheLineAndHasNoDot() {
        Element svg = svg(Charts.rateLine("Read rate per day", List.of("2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"),
                Arrays.asList(0.5, null, 0.8, 0.9), Arrays.asList(null, null, null, null)));
        assertThat(svg.select("path.current").attr("d")).matches("M[^ML]+M[^M]+L[^ML]+");
        assertThat(svg.select("circle.current.dot")).hasSize(3);
        assertThat(svg.select(".previous")).isEmpty();
    }

    @Test
    void aOneDaySparklineIsADot() {
        assertThat(svg(Charts.sparkline(new long[] {4})).select("circle")).hasSize(1);
        assertThat(svg(Charts.sparkline(new long[] {4, 0, 2})).select("polyline").attr("points")).isEqualTo("0.0,2.0 50.0,18.0 100.0,10.0");
    }

    private static Element svg(String markup) {
        return Jsoup.parse(markup, "", Parser.xmlParser()).selectFirst("svg");
    }
}
