package org.teachbox.bias;

import org.teachbox.OnPostgres;
import org.teachbox.PostgresSchema;

/** {@link LabRunsAcrossRestartTest} again, with the server's data in PostgreSQL. */
@OnPostgres
class LabRunsAcrossRestartPostgresTest extends LabRunsAcrossRestartTest {

    @Override
    String[] databaseArguments() {
        return PostgresSchema.arguments(LabRunsAcrossRestartPostgresTest.class);
    }
}
