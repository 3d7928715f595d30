package org.teachbox.classroom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL for classrooms and their learners. */
@Repository
class ClassroomRepository {

    private final JdbcClient jdbc;

    ClassroomRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Classroom c) {
        jdbc.sql("INSERT INTO classroom (id, name, join_code, open, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(c.id(), c.name(), c.joinCode(), c.open(), Timestamp.from(c.createdAt())).update();
    }

    boolean codeTaken(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM classroom WHERE join_code = ?").param(code).query(Integer.class).single() > 0;
    }

    List<Classroom> all() {
        return jdbc.sql("SELECT * FROM classroom ORDER BY created_at DESC").query(ClassroomRepository::classroom).list();
    }

    int count() {
        return jdbc.sql("SELECT COUNT(*) FROM classroom").query(Integer.class).single();
    }

    Optional<Classroom> byId(UUID id) {
        return jdbc.sql("SELECT * FROM classroom WHERE id = ?").param(id).query(ClassroomRepository::classroom).optional();
    }

    Optional<Classroom> byCode(String code) {
        return jdbc.sql("SELECT * FROM classroom WHERE join_code = ?").param(code).query(ClassroomRepository::classroom).optional();
    }

    void setOpen(UUID id, boolean open) {
        jdbc.sql("UPDATE classroom SET open = ? WHERE id = ?").params(open, id).update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM classroom WHERE id = ?").param(id).update();
    }

    void deleteLearner(UUID id) {
        jdbc.sql("DELETE FROM learner WHERE id = ?").param(id).update();
    }

    void insertLearner(UUID id, UUID classroomId, String name, String pinHash, String ownerToken) {
        jdbc.sql("INSERT INTO learner (id, classroom_id, name, name_key, pin_hash, owner_token, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, classroomId, name, LearnerNames.key(name), pinHash, ownerToken, Timestamp.from(Instant.now()))
                .update();
    }

    List<Learner> learners(UUID classroomId) {
        return jdbc.sql("SELECT * FROM learner WHERE classroom_id = ? ORDER BY name_key")
                .param(classroomId).query(ClassroomRepository::learner).list();
    }

    int countLearners(UUID classroomId) {
        return jdbc.sql("SELECT COUNT(*) FROM learner WHERE classroom_id = ?").param(classroomId).query(Integer.class).single();
    }

    Optional<Learner> learner(UUID learnerId) {
        return jdbc.sql("SELECT * FROM learner WHERE id = ?").param(learnerId).query(ClassroomRepository::learner).optional();
    }

    Optional<Learner> learnerByToken(String ownerToken) {
        return jdbc.sql("SELECT * FROM learner WHERE owner_token = ?").param(ownerToken).query(ClassroomRepository::learner).optional();
    }

    /** Whether this owner is a classroom learner; if so, their row is held until the transaction ends. */
    boolean lockLearnerByToken(String ownerToken) {
        return !jdbc.sql("SELECT id FROM learner WHERE owner_token = ? FOR UPDATE").param(ownerToken)
                .query(UUID.class).list().isEmpty();
    }

    /** The learner with this name in the classroom, and their PIN hash. */
    Optional<StoredLearner> learnerByName(UUID classroomId, String name) {
        return jdbc.sql("SELECT * FROM learner WHERE classroom_id = ? AND name_key = ?")
                .params(classroomId, LearnerNames.key(name))
                .query((rs, n) -> new StoredLearner(learner(rs, n), rs.getString("pin_hash"))).optional();
    }

    void setPinHash(UUID learnerId, String pinHash) {
        jdbc.sql("UPDATE learner SET pin_hash = ? WHERE id = ?").params(pinHash, learnerId).update();
    }

    record StoredLearner(Learner learner, String pinHash) {
    }

    private static Classroom classroom(ResultSet rs, int row) throws SQLException {
        return new Classroom(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("join_code"),
                rs.getBoolean("open"), rs.getTimestamp("created_at").toInstant());
    }

    private static Learner learner(ResultSet rs, int row) throws SQLException {
        return new Learner(rs.getObject("id", UUID.class), rs.getObject("classroom_id", UUID.class),
                rs.getString("name"), rs.getString("owner_token"));
    }
}
