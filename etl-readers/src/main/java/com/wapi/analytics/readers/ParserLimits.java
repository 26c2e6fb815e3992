package com.wapi.analytics.readers;

/**
 * Bounds on hostile input.
 *
 * @param maxMetaBytes a Meta webhook body (Meta sends at most 3 MB)
 * @param maxEventBytes one platform event
 * @param maxDepth JSON nesting
 * @param maxStringChars one JSON string
 */
public record ParserLimits(int maxMetaBytes, int maxEventBytes, int maxDepth, int maxStringChars) {

    public static final ParserLimits DEFAULT = new ParserLimits(4 << 20, 1 << 20, 64, 1 << 20);
}
