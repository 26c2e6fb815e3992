package com.wapi.analytics.report;

/** Counts in words that agree in number: "1 broadcast", "2 broadcasts", "0 messages". */
public final class Words {

    private Words() {
    }

    public static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
