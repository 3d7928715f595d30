package org.teachbox.share;

import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.info.Info;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.teachbox.export.ModelExports;
import org.teachbox.export.TfjsFiles;
import org.teachbox.imaging.ImageIngest;
import org.teachbox.imaging.ImageRejectedException;
import org.teachbox.prediction.PredictionService;
import org.teachbox.project.ProjectRuleException;

/**
 * The REST face of a shared model, for Scratch, p5.js/ml5, Python or an Arduino on the school
 * network. {@code GET …/model.json}, {@code …/weights.bin} and {@code …/metadata.json} are the
 * model in Teachable Machine's files, so the base URL works wherever a TM model URL does;
 * {@code POST …/predict} takes a picture (the raw request body, or the first file of a
 * multipart form) and answers as tmImage's predict does, one entry per class in class order.
 *
 * <p>Every answer that is not a model file or a prediction is JSON
 * {@code {"error": "...", "message": "..."}}: 404 for a code that opens nothing, 409 before
 * training, 413 for a body over the upload limit, 422 for a picture the upload check refuses,
 * 429 with Retry-After when one code is asked too often. CORS is open for these paths only
 * (see ApiCors).
 */
@RestController
@RequestMapping("/api/v1/models/{code}")
@OpenAPIDefinition(info = @Info(title = "Teachbox shared-model API", version = "v1",
        description = "A shared model's Teachable Machine files and a predict call; {code} is the share code."))
class ModelApiController {

    private final ShareService shares;
    private final ModelExports exports;
    private final PredictionService predictions;
    private final RateLimiter limiter;
    private final long maxBytes;
    private final ResourceBundle english = ResourceBundle.getBundle("vaadin-i18n/translations", Locale.ROOT);

    ModelApiController(ShareService shares, ModelExports exports, PredictionService predictions, RateLimiter limiter,
            ImageIngest ingest) {
        this.shares = shares;
        this.exports = exports;
        this.predictions = predictions;
        this.limiter = limiter;
        this.maxBytes = ingest.limits().maxBytes();
    }

    @Operation(summary = "The model's topology and weights manifest (TF.js layers format)")
    @GetMapping("/model.json")
    ResponseEntity<?> model(@PathVariable String code) {
        return file(code, TfjsFiles::modelJson, MediaType.APPLICATION_JSON);
    }

    @Operation(summary = "The model's weights, float32 little-endian, as model.json lists them")
    @GetMapping("/weights.bin")
    ResponseEntity<?> weights(@PathVariable String code) {
        return file(code, TfjsFiles::weightsBin, MediaType.APPLICATION_OCTET_STREAM);
    }

    @Operation(summary = "Labels, image size and pixel scaling (Teachable Machine's metadata.json)")
    @GetMapping("/metadata.json")
    ResponseEntity<?> metadata(@PathVariable String code) {
        return file(code, TfjsFiles::metadataJson, MediaType.APPLICATION_JSON);
    }

    @Operation(summary = "Classify a picture sent as the request body or as a multipart file",
            description = "Answers {\"predictions\":[{\"className\":\"cat\",\"probability\":0.97},...]} in class order. "
                    + "Errors are {\"error\",\"message\"}: 404 unknown or revoked code, 409 not trained, "
                    + "413 too large, 422 not a usable picture, 429 too many requests.")
    @PostMapping("/predict")
    ResponseEntity<?> predict(@PathVariable String code, HttpServletRequest request) throws IOException {
        Optional<ResponseEntity<?>> refused = refusal(code);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (request.getContentLengthLong() > maxBytes) {
            return tooLarge();
        }
        byte[] body;
        String name = "picture";
        String type = request.getContentType();
        try {
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                Part part = firstFile(request);
                if (part == null) {
                    return error(HttpStatus.UNPROCESSABLE_ENTITY, "no_image",
                            "The form has no file. Send the picture as a file field, or as the request body.");
                }
                if (part.getSize() > maxBytes) {
                    return tooLarge();
                }
                name = part.getSubmittedFileName() == null ? name : part.getSubmittedFileName();
                try (InputStream in = part.getInputStream()) {
                    body = in.readNBytes((int) maxBytes + 1);
                }
            } else {
                try (InputStream in = request.getInputStream()) {
                    body = in.readNBytes((int) maxBytes + 1);
                }
            }
        } catch (jakarta.servlet.ServletException | IllegalStateException e) {
            return error(HttpStatus.BAD_REQUEST, "bad_form", "The multipart form could not be read.");
        }
        if (body.length > maxBytes) {
            return tooLarge();
        }
        ShareService.Shared shared = shares.resolve(code).orElseThrow();
        try {
            Optional<PredictionService.Prediction> prediction =
                    predictions.predict(shared.owner(), shared.projectId(), name, body);
            if (prediction.isEmpty()) {
                return notTrained();
            }
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer(prediction.get()));
        } catch (ImageRejectedException e) {
            return error(HttpStatus.UNPROCESSABLE_ENTITY, "image_rejected", english(e.messageKey(), e.messageArgs()));
        } catch (ProjectRuleException e) {
            return error(HttpStatus.CONFLICT, "not_available", english(e.messageKey(), e.messageArgs()));
        }
    }

    /** Asking predict with another method gets the JSON answer every refusal gets, and says what works. */
    @Operation(hidden = true)
    @RequestMapping(value = "/predict", method = {RequestMethod.GET, RequestMethod.PUT, RequestMethod.DELETE,
            RequestMethod.PATCH})
    ResponseEntity<?> predictNeedsPost() {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST, OPTIONS")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body("method_not_allowed", "Send the picture with POST."));
    }

    private ResponseEntity<?> file(String code, Function<TfjsFiles, byte[]> which, MediaType type) {
        Optional<ResponseEntity<?>> refused = refusal(code);
        if (refused.isPresent()) {
            return refused.get();
        }
        ShareService.Shared shared = shares.resolve(code).orElseThrow();
        try {
            Optional<TfjsFiles> files = exports.export(shared.owner(), shared.projectId());
            if (files.isEmpty()) {
                return notTrained();
            }
            // no-cache: a retrained model must not be mixed with the old weights in a browser's cache
            return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache()).body(which.apply(files.get()));
        } catch (ProjectRuleException e) {
            return error(HttpStatus.CONFLICT, "not_available", english(e.messageKey(), e.messageArgs()));
        }
    }

    /** 429 when the code is asked too often, 404 when it opens nothing; empty when the request may go on. */
    private Optional<ResponseEntity<?>> refusal(String code) {
        if (!limiter.tryTake(code)) {
            ResponseEntity<?> slow = ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(limiter.secondsToWait()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body("rate_limited", "Too many requests for this model. Wait a moment and try again."));
            return Optional.of(slow);
        }
        if (shares.resolve(code).isEmpty()) {
            return Optional.of(error(HttpStatus.NOT_FOUND, "not_found",
                    "No shared model has this code. Its owner may have stopped sharing it."));
        }
        return Optional.empty();
    }

    private static Part firstFile(HttpServletRequest request) throws IOException, jakarta.servlet.ServletException {
        for (Part part : request.getParts()) {
            if (part.getSubmittedFileName() != null || part.getName().equals("image") || part.getName().equals("file")) {
                return part;
            }
        }
        return null;
    }

    private static Map<String, Object> answer(PredictionService.Prediction p) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < p.classNames().size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("className", p.classNames().get(i));
            row.put("probability", (double) p.probabilities()[i]);
            rows.add(row);
        }
        return Map.of("predictions", rows);
    }

    private ResponseEntity<?> tooLarge() {
        return error(HttpStatus.CONTENT_TOO_LARGE, "too_large",
                "The picture is too big. It can be at most " + (maxBytes >> 20) + " MB.");
    }

    private static ResponseEntity<?> notTrained() {
        return error(HttpStatus.CONFLICT, "not_trained", "This model has not been trained yet.");
    }

    static ResponseEntity<?> error(HttpStatus status, String error, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(error, message));
    }

    static Map<String, String> body(String error, String message) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("message", message);
        return m;
    }

    private String english(String key, Object[] args) {
        try {
            return new MessageFormat(english.getString(key), Locale.ENGLISH).format(args);
        } catch (RuntimeException e) {
            return key;
        }
    }
}
