package org.teachbox.classroom;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.teachbox.OnPostgres;
import org.teachbox.PostgresSchema;

/** Every {@link ClassroomServiceTest} again, on PostgreSQL. */
@OnPostgres
class ClassroomServicePostgresTest extends ClassroomServiceTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry, ClassroomServicePostgresTest.class);
    }
}
