package org.teachbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL the tests use besides H2. {@code .ci/run} starts one and exports
 * {@code TEACHBOX_TEST_DB_URL}, {@code _USER} and {@code _PASSWORD}. Every test class gets a
 * fresh schema there, named after the class and this JVM's run, made before the class starts
 * and dropped when it is done, so no run or class sees another's rows.
 *
 * <p>Without those variables the classes are skipped, as {@code FashionMnistHeldOutTest} skips
 * without its data set; with {@code CI=true} or {@code TEACHBOX_REQUIRE_POSTGRES=1} they fail.
 */
public final class PostgresSchema implements ExecutionCondition, BeforeAllCallback {

    private static final String RUN = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    /** The schema a test class uses in this run; its tables come from the app's Flyway migrations. */
    public static String schemaOf(Class<?> testClass) {
        return ("tb_" + RUN + "_" + testClass.getSimpleName()).toLowerCase(Locale.ROOT);
    }

    /** The JDBC URL of a test class's own schema. */
    public static String urlOf(Class<?> testClass) {
        String base = env("TEACHBOX_TEST_DB_URL");
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schemaOf(testClass);
    }

    /** For a {@code @DynamicPropertySource} method: the app's datasource is the class's schema. */
    public static void register(DynamicPropertyRegistry registry, Class<?> testClass) {
        for (String[] property : properties(testClass)) {
            registry.add(property[0], () -> property[1]);
        }
    }

    /** The same as command-line arguments, for tests that start the app themselves. */
    public static String[] arguments(Class<?> testClass) {
        List<String> out = new ArrayList<>(List.of("--spring.profiles.active=postgres"));
        for (String[] property : properties(testClass)) {
            out.add("--" + property[0] + "=" + property[1]);
        }
        return out.toArray(String[]::new);
    }

    private static List<String[]> properties(Class<?> testClass) {
        return List.of(
                new String[] {"spring.datasource.url", urlOf(testClass)},
                new String[] {"spring.datasource.username", env("TEACHBOX_TEST_DB_USER")},
                new String[] {"spring.datasource.password", env("TEACHBOX_TEST_DB_PASSWORD")});
    }

    /** Skipped, and saying why, when no PostgreSQL is given and none is required. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (configured() || required()) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + env("TEACHBOX_TEST_DB_URL"));
        }
        return ConditionEvaluationResult.disabled("TEACHBOX_TEST_DB_URL is not set; skipping the PostgreSQL run"
                + " (.ci/run sets up PostgreSQL and exports TEACHBOX_TEST_DB_URL, _USER and _PASSWORD)");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        assertThat(configured()).as("CI=true or TEACHBOX_REQUIRE_POSTGRES=1, but TEACHBOX_TEST_DB_URL is not set"
                + " (.ci/run sets up PostgreSQL and exports it)").isTrue();
        String schema = schemaOf(context.getRequiredTestClass());
        try (Connection c = connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SHOW server_encoding")) {
                rs.next();
                // in an SQL_ASCII database VARCHAR(n) counts bytes, not characters
                assertThat(rs.getString(1)).as("encoding of the test database " + env("TEACHBOX_TEST_DB_URL")
                        + " (create it with ENCODING 'UTF8', as .ci/postgres does)").isEqualTo("UTF8");
            }
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        // closed after the class's afterAll callbacks, so after Spring has closed its context
        context.getStore(ExtensionContext.Namespace.create(PostgresSchema.class))
                .put("schema", (AutoCloseable) () -> drop(schema));
    }

    private static void drop(String schema) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(env("TEACHBOX_TEST_DB_URL"), env("TEACHBOX_TEST_DB_USER"),
                env("TEACHBOX_TEST_DB_PASSWORD"));
    }

    private static boolean configured() {
        return !env("TEACHBOX_TEST_DB_URL").isBlank();
    }

    private static boolean required() {
        return "true".equalsIgnoreCase(env("CI")) || "1".equals(env("TEACHBOX_REQUIRE_POSTGRES"));
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
