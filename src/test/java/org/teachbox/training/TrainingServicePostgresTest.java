package org.teachbox.training;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.teachbox.PostgresSchema;
import org.teachbox.OnPostgres;

/** Every {@link TrainingServiceTest} again, with projects and trained models in PostgreSQL. */
@OnPostgres
class TrainingServicePostgresTest extends TrainingServiceTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry, TrainingServicePostgresTest.class);
    }
}
