package com.wapi.analytics.tenancy;

import com.wapi.analytics.InvalidInputException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Identifiers of organizations and workspaces: given by the user, or generated as prefix_xxxxxxxxxx. */
final class Ids {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static String chosenOrNew(String chosen, String prefix) {
        if (chosen == null) {
            StringBuilder id = new StringBuilder(prefix).append('_');
            for (int i = 0; i < 10; i++) {
                id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
            }
            return id.toString();
        }
        if (!VALID.matcher(chosen).matches()) {
            throw new InvalidInputException("id '" + chosen + "' is not valid: use 1-63 lower-case letters, digits, "
                    + "'_' or '-', starting with a letter or digit");
        }
        return chosen;
    }
}
