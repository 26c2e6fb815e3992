package com.wapi.analytics.readers.meta;

import com.wapi.analytics.readers.InvalidEvent;
import com.wapi.analytics.readers.ParseResult;
import com.wapi.analytics.readers.Rejection;
import com.wapi.analytics.readers.facts.Fact;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The items of one webhook body as they are read: the facts of each item that could be read, and each item that
 * could not with its path (entry[1].changes[0].messages[3]), so that one bad item costs only itself. A selection
 * of paths limits the reading to the items at or under them (a replay of quarantined items).
 */
final class Items {

    /** Reads one item; throws {@link InvalidEvent} when it cannot become facts. */
    interface Reading {
        void read();
    }

    private final Collection<String> selection;
    private final List<Fact> facts = new ArrayList<>();
    private final List<ParseResult.Rejected> rejected = new ArrayList<>();

    /** @param selection the paths to read; null for all */
    Items(Collection<String> selection) {
        this.selection = selection;
    }

    /** How many facts and rejections there are now, to {@linkplain #reset go back} to. */
    long mark() {
        return ((long) facts.size() << 32) | rejected.size();
    }

    /** Drops the facts and rejections added since the mark: the items are about to be read again. */
    void reset(long mark) {
        facts.subList((int) (mark >>> 32), facts.size()).clear();
        rejected.subList((int) mark, rejected.size()).clear();
    }

    void add(Fact fact) {
        facts.add(fact);
    }

    /** Reads the item at {@code path} if it is wanted; a failure rejects it alone. */
    void read(String path, Reading reading) {
        if (!wants(path)) {
            return;
        }
        try {
            reading.read();
        } catch (InvalidEvent e) {
            rejected.add(e.toResult(path));
        } catch (RuntimeException e) {
            rejected.add(new ParseResult.Rejected(Rejection.BAD_VALUE, "unreadable item: " + e.getClass().getSimpleName(),
                    path));
        }
    }

    /** Whether the item at {@code path} is selected itself, or holds a selected item. */
    boolean wants(String path) {
        if (selection == null) {
            return true;
        }
        for (String selected : selection) {
            if (selected.isEmpty() || within(path, selected) || within(selected, path)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the item at {@code path} is selected itself or lies within a selected one. */
    boolean selected(String path) {
        if (selection == null) {
            return true;
        }
        for (String selected : selection) {
            if (selected.isEmpty() || within(path, selected)) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(String path, String ancestor) {
        return path.startsWith(ancestor) && (path.length() == ancestor.length() || path.charAt(ancestor.length()) == '.');
    }

    ParseResult.Parsed result() {
        return new ParseResult.Parsed(facts, rejected);
    }
}
