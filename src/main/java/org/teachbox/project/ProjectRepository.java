package org.teachbox.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL for projects, classes and samples; ownership is part of every project query. */
@Repository
class ProjectRepository {

    private final JdbcClient jdbc;

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertProject(UUID id, String owner, String name, ModelKind kind) {
        jdbc.sql("INSERT INTO project (id, owner_token, name, model_kind, data_version, created_at) VALUES (?, ?, ?, ?, 0, ?)")
                .params(id, owner, name, kind.name(), Timestamp.from(Instant.now()))
                .update();
    }

    List<Project> projectsOf(String owner) {
        return jdbc.sql("SELECT * FROM project WHERE owner_token = ? ORDER BY created_at DESC")
                .param(owner).query(ProjectRepository::project).list();
    }

    int countProjects(String owner) {
        return jdbc.sql("SELECT COUNT(*) FROM project WHERE owner_token = ?").param(owner).query(Integer.class).single();
    }

    Optional<Project> project(String owner, UUID id) {
        return jdbc.sql("SELECT * FROM project WHERE id = ? AND owner_token = ?")
                .params(id, owner).query(ProjectRepository::project).optional();
    }

    void deleteProject(UUID id) {
        jdbc.sql("DELETE FROM project WHERE id = ?").param(id).update();
    }

    void touch(UUID projectId) {
        jdbc.sql("UPDATE project SET data_version = data_version + 1 WHERE id = ?").param(projectId).update();
    }

    void insertClass(UUID id, UUID projectId, String name, int position) {
        jdbc.sql("INSERT INTO image_class (id, project_id, name, position) VALUES (?, ?, ?, ?)")
                .params(id, projectId, name, position).update();
    }

    List<ImageClass> classes(UUID projectId) {
        return jdbc.sql("""
                SELECT c.id, c.project_id, c.name, c.position,
                       (SELECT COUNT(*) FROM sample s WHERE s.class_id = c.id AND s.is_test = FALSE) AS sample_count,
                       (SELECT COUNT(*) FROM sample s WHERE s.class_id = c.id AND s.is_test = TRUE) AS test_count
                FROM image_class c WHERE c.project_id = ? ORDER BY c.position, c.name""")
                .param(projectId)
                .query((rs, n) -> new ImageClass(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                        rs.getString("name"), rs.getInt("position"), rs.getInt("sample_count"), rs.getInt("test_count")))
                .list();
    }

    /** The project owning a class, but only if {@code owner} owns it. */
    Optional<UUID> projectOfClass(String owner, UUID classId) {
        return jdbc.sql("SELECT p.id FROM image_class c JOIN project p ON p.id = c.project_id WHERE c.id = ? AND p.owner_token = ?")
                .params(classId, owner).query(UUID.class).optional();
    }

    Optional<UUID> projectOfSample(String owner, UUID sampleId) {
        return jdbc.sql("""
                SELECT p.id FROM sample s JOIN image_class c ON c.id = s.class_id JOIN project p ON p.id = c.project_id
                WHERE s.id = ? AND p.owner_token = ?""")
                .params(sampleId, owner).query(UUID.class).optional();
    }

    void renameClass(UUID classId, String name) {
        jdbc.sql("UPDATE image_class SET name = ? WHERE id = ?").params(name, classId).update();
    }

    void deleteClass(UUID classId) {
        jdbc.sql("DELETE FROM image_class WHERE id = ?").param(classId).update();
    }

    /** Removes one shelf of a class: its training pictures, or its test pictures. */
    void clearClass(UUID classId, Shelf shelf) {
        jdbc.sql("DELETE FROM sample WHERE class_id = ? AND is_test = ?").params(classId, shelf.isTest()).update();
    }

    /**
     * Holds the class's row until the transaction ends, waiting while another transaction holds
     * it. False when the class is gone, deleted perhaps while this one waited.
     */
    boolean lockClass(UUID classId) {
        return !jdbc.sql("SELECT id FROM image_class WHERE id = ? FOR UPDATE").param(classId).query(UUID.class).list()
                .isEmpty();
    }

    int countSamples(UUID classId, Shelf shelf) {
        return jdbc.sql("SELECT COUNT(*) FROM sample WHERE class_id = ? AND is_test = ?")
                .params(classId, shelf.isTest()).query(Integer.class).single();
    }

    long countAllSamples() {
        return jdbc.sql("SELECT COUNT(*) FROM sample").query(Long.class).single();
    }

    int countSamplesOfOwner(String owner) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM sample s JOIN image_class c ON c.id = s.class_id JOIN project p ON p.id = c.project_id
                WHERE p.owner_token = ?""").param(owner).query(Integer.class).single();
    }

    void insertSample(UUID id, UUID classId, byte[] image, String mimeType, Shelf shelf) {
        jdbc.sql("INSERT INTO sample (id, class_id, image, mime_type, created_at, is_test) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, classId, image, mimeType, Timestamp.from(Instant.now()), shelf.isTest()).update();
    }

    List<UUID> sampleIds(UUID classId, Shelf shelf, int limit) {
        return jdbc.sql("SELECT id FROM sample WHERE class_id = ? AND is_test = ? ORDER BY created_at DESC, id LIMIT ?")
                .params(classId, shelf.isTest(), limit).query(UUID.class).list();
    }

    /** Sample ids and bytes of one shelf of a class, oldest first, so a split is stable as images are added. */
    List<SampleImage> samplesOf(UUID classId, Shelf shelf) {
        return jdbc.sql("SELECT id, image FROM sample WHERE class_id = ? AND is_test = ? ORDER BY created_at, id")
                .params(classId, shelf.isTest())
                .query((rs, n) -> new SampleImage(rs.getObject("id", UUID.class), rs.getBytes("image")))
                .list();
    }

    Optional<SampleImage> sample(UUID sampleId) {
        return jdbc.sql("SELECT id, image FROM sample WHERE id = ?").param(sampleId)
                .query((rs, n) -> new SampleImage(rs.getObject("id", UUID.class), rs.getBytes("image")))
                .optional();
    }

    Optional<Shelf> shelfOf(UUID sampleId) {
        return jdbc.sql("SELECT is_test FROM sample WHERE id = ?").param(sampleId).query(Boolean.class).optional()
                .map(Shelf::of);
    }

    void deleteSample(UUID sampleId) {
        jdbc.sql("DELETE FROM sample WHERE id = ?").param(sampleId).update();
    }

    private static Project project(ResultSet rs, int row) throws SQLException {
        return new Project(rs.getObject("id", UUID.class), rs.getString("name"),
                ModelKind.valueOf(rs.getString("model_kind")), rs.getLong("data_version"),
                rs.getTimestamp("created_at").toInstant());
    }
}
