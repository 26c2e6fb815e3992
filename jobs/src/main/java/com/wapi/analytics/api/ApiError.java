package com.wapi.analytics.api;

import org.springframework.http.HttpStatus;

/** A refusal of the reporting API, answered as {"error": code, "detail": what to do}. */
class ApiError extends RuntimeException {

    final HttpStatus status;
    final String code;

    ApiError(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }
}
