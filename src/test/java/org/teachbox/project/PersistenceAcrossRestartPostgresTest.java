package org.teachbox.project;

import org.teachbox.PostgresSchema;
import org.teachbox.OnPostgres;

/** Every {@link PersistenceAcrossRestartTest} again, with the server's data in PostgreSQL. */
@OnPostgres
class PersistenceAcrossRestartPostgresTest extends PersistenceAcrossRestartTest {

    @Override
    String[] databaseArguments() {
        return PostgresSchema.arguments(PersistenceAcrossRestartPostgresTest.class);
    }
}
