package org.teachbox.training;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.teachbox.OnPostgres;
import org.teachbox.PostgresSchema;

/** {@link InterruptionsTest} on PostgreSQL, where several servers really share one database. */
@OnPostgres
class InterruptionsPostgresTest extends InterruptionsTest {

    @Override
    DriverManagerDataSource dataSource() {
        return new DriverManagerDataSource(PostgresSchema.urlOf(InterruptionsPostgresTest.class),
                System.getenv("TEACHBOX_TEST_DB_USER"), System.getenv("TEACHBOX_TEST_DB_PASSWORD"));
    }
}
