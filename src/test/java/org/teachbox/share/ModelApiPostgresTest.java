package org.teachbox.share;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.teachbox.OnPostgres;
import org.teachbox.PostgresSchema;

/** Every {@link ModelApiTest} again, on PostgreSQL: the share codes (V5) and the API on top of them. */
@OnPostgres
class ModelApiPostgresTest extends ModelApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry, ModelApiPostgresTest.class);
    }
}
