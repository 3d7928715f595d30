package org.teachbox.share;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.teachbox.export.ModelExports;
import org.teachbox.export.TfjsFiles;
import org.teachbox.owner.Owner;
import org.teachbox.project.ProjectRuleException;

/**
 * The learner's own model as TF.js files, for the Preview page's live webcam, which runs the
 * model in the learner's browser instead of sending every frame to the server. The same files
 * as the share link, but for the project's owner only and without sharing it: anyone else, and
 * a project without a model, gets a JSON 404. Not cached, because a retrain changes the files.
 */
@RestController
class OwnModelController {

    private final ModelExports exports;

    OwnModelController(ModelExports exports) {
        this.exports = exports;
    }

    @GetMapping("/own-model/{projectId}/model.json")
    ResponseEntity<?> model(@PathVariable String projectId, HttpServletRequest request) {
        return file(projectId, request, TfjsFiles::modelJson, MediaType.APPLICATION_JSON);
    }

    @GetMapping("/own-model/{projectId}/weights.bin")
    ResponseEntity<?> weights(@PathVariable String projectId, HttpServletRequest request) {
        return file(projectId, request, TfjsFiles::weightsBin, MediaType.APPLICATION_OCTET_STREAM);
    }

    @GetMapping("/own-model/{projectId}/metadata.json")
    ResponseEntity<?> metadata(@PathVariable String projectId, HttpServletRequest request) {
        return file(projectId, request, TfjsFiles::metadataJson, MediaType.APPLICATION_JSON);
    }

    private ResponseEntity<?> file(String projectId, HttpServletRequest request, Function<TfjsFiles, byte[]> part,
                                   MediaType type) {
        Optional<TfjsFiles> files;
        try {
            files = exports.export(Owner.of(request), UUID.fromString(projectId));
        } catch (IllegalArgumentException | ProjectRuleException notYours) {
            files = Optional.empty();
        }
        return files.<ResponseEntity<?>>map(f -> ResponseEntity.ok().contentType(type)
                        .cacheControl(CacheControl.noStore()).body(part.apply(f)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("error", "not-found", "message", "No trained model of yours here.")));
    }
}
