package org.teachbox.share;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * What the model API answers when Spring itself refuses a request before the controller runs
 * (a multipart body over the servlet's size limit, a broken form) or something fails inside:
 * JSON with a status code, never a stack trace or an HTML error page.
 */
@RestControllerAdvice(assignableTypes = ModelApiController.class)
class ApiErrors {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<?> tooLarge(MaxUploadSizeExceededException e) {
        return ModelApiController.error(HttpStatus.CONTENT_TOO_LARGE, "too_large", "The request is too big.");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<?> badForm(MultipartException e) {
        return ModelApiController.error(HttpStatus.BAD_REQUEST, "bad_form", "The multipart form could not be read.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<?> failed(Exception e) {
        if (e instanceof org.springframework.web.ErrorResponse refused) {
            // Spring's own refusals (wrong method, unreadable request...) keep their status
            HttpStatus status = HttpStatus.resolve(refused.getStatusCode().value());
            return ModelApiController.error(status == null ? HttpStatus.BAD_REQUEST : status, "bad_request",
                    "This request is not one the model API takes.");
        }
        log.warn("The model API failed", e);
        return ModelApiController.error(HttpStatus.INTERNAL_SERVER_ERROR, "failed",
                "Something went wrong on the server. Try again later.");
    }
}
