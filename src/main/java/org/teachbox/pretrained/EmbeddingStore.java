package org.teachbox.pretrained;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL for stored embeddings: little-endian float32, as the backbone's own weight files. */
@Repository
class EmbeddingStore {

    /** Looked up in pieces, so an IN list stays short on every database. */
    private static final int CHUNK = 200;

    private final JdbcClient jdbc;

    EmbeddingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, float[]> find(List<UUID> sampleIds, String backbone) {
        Map<UUID, float[]> found = new HashMap<>();
        for (int from = 0; from < sampleIds.size(); from += CHUNK) {
            List<UUID> part = sampleIds.subList(from, Math.min(sampleIds.size(), from + CHUNK));
            jdbc.sql("SELECT sample_id, vector FROM embedding WHERE backbone = :backbone AND sample_id IN (:ids)")
                    .param("backbone", backbone)
                    .param("ids", part)
                    .query((rs, n) -> found.put(rs.getObject("sample_id", UUID.class), floats(rs.getBytes("vector"))))
                    .list();
        }
        return found;
    }

    /** Stores one embedding; a second writer of the same picture (another job) is harmless. */
    void save(UUID sampleId, String backbone, float[] vector) {
        try {
            jdbc.sql("INSERT INTO embedding (sample_id, backbone, vector) VALUES (?, ?, ?)")
                    .params(sampleId, backbone, bytes(vector))
                    .update();
        } catch (DataIntegrityViolationException e) {
            // already stored by another job (same picture, same backbone: same numbers), or the
            // picture was deleted meanwhile; either way there is nothing to keep
        }
    }

    /** The same contract in a map, for runs without a database (benchmarks). */
    static final class InMemory extends EmbeddingStore {
        private final Map<String, float[]> vectors = new java.util.concurrent.ConcurrentHashMap<>();

        InMemory() {
            super(null);
        }

        @Override
        Map<UUID, float[]> find(List<UUID> sampleIds, String backbone) {
            Map<UUID, float[]> found = new HashMap<>();
            for (UUID id : sampleIds) {
                float[] v = vectors.get(id + "/" + backbone);
                if (v != null) {
                    found.put(id, v);
                }
            }
            return found;
        }

        @Override
        void save(UUID sampleId, String backbone, float[] vector) {
            vectors.putIfAbsent(sampleId + "/" + backbone, vector);
        }
    }

    static byte[] bytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    static float[] floats(byte[] bytes) {
        float[] v = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
