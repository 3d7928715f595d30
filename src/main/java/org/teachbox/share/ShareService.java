package org.teachbox.share;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.teachbox.project.ProjectService;

/**
 * Share codes: a project is private until its owner shares it, and then anyone holding the code
 * may fetch its model and ask it about pictures, and nothing else. The code is 24 random bytes
 * from {@link SecureRandom} (192 bits) in URL-safe base64, so it cannot be guessed or counted up
 * to; it names no project or owner. Revoking deletes it.
 */
@Service
public class ShareService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CODE_BYTES = 24;

    private final JdbcClient jdbc;
    private final ProjectService projects;

    ShareService(JdbcClient jdbc, ProjectService projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    /** The project's share code, if its owner has shared it. */
    public Optional<String> code(String owner, UUID projectId) {
        projects.project(owner, projectId);
        return jdbc.sql("SELECT code FROM model_share WHERE project_id = ?").param(projectId).query(String.class).optional();
    }

    /** Shares the project: its existing code, or a new one. */
    @Transactional
    public String share(String owner, UUID projectId) {
        Optional<String> existing = code(owner, projectId);
        if (existing.isPresent()) {
            return existing.get();
        }
        String code = newCode();
        jdbc.sql("INSERT INTO model_share (code, project_id, created_at) VALUES (?, ?, ?)")
                .params(code, projectId, Timestamp.from(Instant.now())).update();
        return code;
    }

    /** Stops sharing: the code no longer opens anything. */
    @Transactional
    public void revoke(String owner, UUID projectId) {
        projects.project(owner, projectId);
        jdbc.sql("DELETE FROM model_share WHERE project_id = ?").param(projectId).update();
    }

    /** The shared project a code opens, with its owner (for the services that check ownership). */
    public Optional<Shared> resolve(String code) {
        if (code == null || code.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT p.id, p.owner_token FROM model_share s JOIN project p ON p.id = s.project_id WHERE s.code = ?")
                .param(code)
                .query((rs, n) -> new Shared(rs.getObject("id", UUID.class), rs.getString("owner_token")))
                .optional();
    }

    static String newCode() {
        byte[] bytes = new byte[CODE_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public record Shared(UUID projectId, String owner) {}
}
