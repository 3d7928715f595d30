package org.teachbox.training;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.teachbox.PostgresSchema;
import org.teachbox.OnPostgres;

/** Every {@link PretrainedTrainingTest} again, with the stored embeddings in PostgreSQL. */
@OnPostgres
class PretrainedTrainingPostgresTest extends PretrainedTrainingTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry, PretrainedTrainingPostgresTest.class);
    }
}
