package org.teachbox.project;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.teachbox.PostgresSchema;
import org.teachbox.OnPostgres;

/** Every {@link ProjectServiceTest} again, on PostgreSQL: ownership, limits, names, versions. */
@OnPostgres
class ProjectServicePostgresTest extends ProjectServiceTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry, ProjectServicePostgresTest.class);
    }
}
