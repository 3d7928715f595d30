package org.teachbox.runs;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.teachbox.OnPostgres;
import org.teachbox.PostgresSchema;

/** Every {@link RunHistoryTest} again, with the runs in PostgreSQL. */
@OnPostgres
class RunHistoryPostgresTest extends RunHistoryTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry, RunHistoryPostgresTest.class);
    }
}
