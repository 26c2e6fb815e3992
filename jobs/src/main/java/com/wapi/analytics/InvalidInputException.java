package com.wapi.analytics;

/**
 * Input a user can correct: a bad option, an unknown id, a duplicate. The message names the fix.
 * The CLI exits 2 with it; the API answers 400 with it.
 */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
