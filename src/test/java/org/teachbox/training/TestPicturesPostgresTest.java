package org.teachbox.training;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.teachbox.OnPostgres;
import org.teachbox.PostgresSchema;

/** Every {@link TestPicturesTest} again, with the test pictures and the judged runs in PostgreSQL. */
@OnPostgres
class TestPicturesPostgresTest extends TestPicturesTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry, TestPicturesPostgresTest.class);
    }
}
