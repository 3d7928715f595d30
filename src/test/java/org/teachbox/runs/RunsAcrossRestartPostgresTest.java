package org.teachbox.runs;

import org.teachbox.OnPostgres;
import org.teachbox.PostgresSchema;

/** {@link RunsAcrossRestartTest} again, with the server's data in PostgreSQL. */
@OnPostgres
class RunsAcrossRestartPostgresTest extends RunsAcrossRestartTest {

    @Override
    String[] databaseArguments() {
        return PostgresSchema.arguments(RunsAcrossRestartPostgresTest.class);
    }
}
