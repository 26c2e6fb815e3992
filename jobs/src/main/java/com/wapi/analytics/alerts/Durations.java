package com.wapi.analytics.alerts;

import com.wapi.analytics.InvalidInputException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.convert.DurationStyle;

/** Durations as settings are written: 15m, 3h, 2d. */
final class Durations {

    private Durations() {
    }

    static Duration parse(String text, String option) {
        Duration value;
        try {
            value = DurationStyle.SIMPLE.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(option + ": '" + text + "' is not a duration; write e.g. 15m, 90m, 3h, 1d");
        }
        if (value.toMinutes() < 1) {
            throw new InvalidInputException(option + ": give at least one minute, e.g. 15m");
        }
        return value;
    }

    static String format(Duration value) {
        for (ChronoUnit unit : new ChronoUnit[] {ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES}) {
            if (value.toSeconds() % unit.getDuration().toSeconds() == 0) {
                return DurationStyle.SIMPLE.print(value, unit);
            }
        }
        return DurationStyle.SIMPLE.print(value, ChronoUnit.SECONDS);
    }
}
