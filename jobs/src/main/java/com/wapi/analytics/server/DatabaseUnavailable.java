package com.wapi.analytics.server;

import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every endpoint's answer while a database cannot be reached (a token or phone number look-up, a report): 503 with
 * Retry-After, so clients and Meta retry, instead of a 500 that looks like their fault or ours for good.
 */
@RestControllerAdvice
class DatabaseUnavailable {

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<Map<String, String>> unavailable(Exception e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", "unavailable", "detail", "a database is unavailable; nothing was stored, retry"));
    }
}
