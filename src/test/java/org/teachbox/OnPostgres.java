package org.teachbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Marks a test class that runs against PostgreSQL, usually a subclass of an H2 test repeating its
 * tests there. The class gets a schema of its own (see {@link PostgresSchema}); a Spring test
 * also gets the {@code postgres} profile, and its context is closed when the class is done, so
 * the schema can be dropped and its connections do not pile up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresSchema.class)
@ActiveProfiles("postgres")
@DirtiesContext
public @interface OnPostgres {
}
