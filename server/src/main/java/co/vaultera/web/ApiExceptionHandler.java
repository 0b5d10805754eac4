package co.vaultera.web;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import co.vaultera.crypto.CryptoException;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure into the reference envelope. Nothing internal (stack traces, SQL, class names) reaches the
 * client: unexpected failures are logged with the request id and answered 500 HE_00.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e) {
        return respond(e);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        String detail = cause instanceof JacksonException jackson ? parserDetail(jackson) : "missing or empty body";
        return respond(ApiException.invalidBody(detail));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> contentType(HttpMediaTypeNotSupportedException e) {
        return respond(new ApiException(ErrorCode.IR_06, "Content type error"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(new ApiException(ErrorCode.IR_06, "Accept header must allow application/json"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return respond(new ApiException(ErrorCode.IR_03, "The HTTP method is not applicable for this API"));
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<Map<String, Object>> noRoute(Exception e) {
        return respond(new ApiException(ErrorCode.IR_02, "Unrecognized request URL"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParam(MissingServletRequestParameterException e) {
        return respond(new ApiException(ErrorCode.IR_04, "Missing required param: " + e.getParameterName()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParam(MethodArgumentTypeMismatchException e) {
        return respond(new ApiException(ErrorCode.IR_06, "invalid value for query parameter `" + e.getName() + "`"));
    }

    /** Tomcat could not decode the query string (bytes that are not UTF-8, more parameters than it takes). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Map<String, Object>> undecodableQuery(InvalidParameterException e) {
        return respond(new ApiException(ErrorCode.IR_06,
                "Invalid query string: not valid percent-encoded UTF-8, or more parameters than the server takes"));
    }

    @ExceptionHandler(CryptoException.class)
    ResponseEntity<Map<String, Object>> crypto(CryptoException e) {
        log.error("crypto failure: {}", e.getMessage());
        return respond(internal());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return respond(internal());
    }

    static ApiException internal() {
        return new ApiException(ErrorCode.HE_00, "Something went wrong");
    }

    private static ResponseEntity<Map<String, Object>> respond(ApiException e) {
        return ResponseEntity.status(e.status()).body(ErrorBodies.of(e));
    }

    /** The parser's own words and position, without the source excerpt (which would echo the body back). */
    private static String parserDetail(JacksonException e) {
        String message = e.getOriginalMessage();
        var location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            message += " at line " + location.getLineNr() + " column " + location.getColumnNr();
        }
        return message;
    }
}
