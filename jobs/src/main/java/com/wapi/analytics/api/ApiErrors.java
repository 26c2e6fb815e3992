package com.wapi.analytics.api;

import com.wapi.analytics.InvalidInputException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The reporting API's error answers: always JSON, always naming the fix. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    @ExceptionHandler(ApiError.class)
    ResponseEntity<Map<String, String>> refused(ApiError e) {
        return answer(e.status.value(), e.code, e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, String>> invalid(InvalidInputException e) {
        return answer(400, "bad_request", e.getMessage());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, String>> badParameter(Exception e) {
        return answer(400, "bad_request", e.getMessage() + " (dates are local days, YYYY-MM-DD)");
    }

    private static ResponseEntity<Map<String, String>> answer(int status, String code, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", code, "detail", detail));
    }
}
