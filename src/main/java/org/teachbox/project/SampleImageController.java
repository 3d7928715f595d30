package org.teachbox.project;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.teachbox.owner.Owner;

/**
 * Serves a sample's image to its owner's browser only. Thumbnails are plain {@code <img>} tags,
 * which keeps a card with hundreds of images cheap for the server.
 */
@RestController
class SampleImageController {

    private final ProjectService projects;

    SampleImageController(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping("/samples/{id}")
    ResponseEntity<byte[]> image(@PathVariable String id, HttpServletRequest request) {
        String owner = Owner.of(request);
        try {
            SampleImage sample = projects.sample(owner, UUID.fromString(id));
            return ResponseEntity.ok()
                    .contentType(MediaType.IMAGE_JPEG)
                    .cacheControl(CacheControl.maxAge(1, TimeUnit.DAYS).cachePrivate())
                    .body(sample.image());
        } catch (IllegalArgumentException | ProjectRuleException e) {
            return ResponseEntity.notFound().build();
        }
    }
}
