package org.teachbox.runs;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.teachbox.OnPostgres;
import org.teachbox.PostgresSchema;

/** {@link RunMigrationTest} on PostgreSQL, in a schema of its own. */
@OnPostgres
class RunMigrationPostgresTest extends RunMigrationTest {

    @Override
    DriverManagerDataSource dataSource() {
        return new DriverManagerDataSource(PostgresSchema.urlOf(RunMigrationPostgresTest.class),
                System.getenv("TEACHBOX_TEST_DB_USER"), System.getenv("TEACHBOX_TEST_DB_PASSWORD"));
    }
}
