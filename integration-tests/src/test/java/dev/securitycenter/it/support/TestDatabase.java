package dev.securitycenter.it.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.UncheckedIOException;
import java.util.List;

/** The database a test run uses: Keycloak's default H2 file database, or an embedded PostgreSQL server. */
public sealed interface TestDatabase extends AutoCloseable {

    String name();

    List<String> keycloakOptions();

    /** A JDBC connection to Keycloak's database, for tests that must tamper with rows behind Keycloak's back. */
    Connection connect() throws SQLException;

    @Override
    void close();

    static TestDatabase fromSystemProperty() {
        String db = KeycloakServer.requiredProperty("it.db");
        return switch (db) {
            case "h2" -> new H2(Path.of(KeycloakServer.requiredProperty("it.keycloak.home"), "data", "h2"));
            case "postgres" -> Postgres.start();
            default -> throw new IllegalStateException("Unknown it.db " + db);
        };
    }

    /**
     * Keycloak's dev-file H2 database, with H2's automatic mixed mode switched on so the test JVM can open it while
     * Keycloak has it open. Otherwise the URL is the one Keycloak uses for dev-file.
     */
    record H2(Path directory) implements TestDatabase {
        private String jdbcUrl() {
            return "jdbc:h2:file:" + directory.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE";
        }

        @Override
        public String name() {
            return "h2";
        }

        @Override
        public List<String> keycloakOptions() {
            return List.of("--db=dev-file", "--db-url=" + jdbcUrl(), "--db-username=sa", "--db-password=password");
        }

        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), "sa", "password");
        }

        @Override
        public void close() {
        }
    }

    /** A database on an embedded PostgreSQL server; the one that started the server stops it. */
    record Postgres(EmbeddedPostgres server, String database, boolean ownsServer) implements TestDatabase {
        static Postgres start() {
            return start(EmbeddedPostgres.builder());
        }

        /**
         * A server that counts every statement it runs ({@code pg_stat_statements}), for harnesses that count what
         * a sign-in costs the database. Kept out of the other runs: the counting itself costs a little per statement.
         */
        public static Postgres startCountingStatements() {
            return start(EmbeddedPostgres.builder().setServerConfig("shared_preload_libraries", "pg_stat_statements"));
        }

        private static Postgres start(EmbeddedPostgres.Builder builder) {
            try {
                return new Postgres(builder.setPort(0).start(), "postgres", true);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
        }

        /** A new, empty database on the same server (so a test needs no server of its own). */
        public Postgres newDatabase(String name) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create database " + name, e);
            }
            return new Postgres(server, name, false);
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
        }

        @Override
        public String name() {
            return "postgres";
        }

        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
        }

        @Override
        public List<String> keycloakOptions() {
            return List.of("--db=postgres", "--db-url=" + jdbcUrl(), "--db-username=postgres",
                    "--db-password=postgres");
        }

        @Override
        public void close() {
            if (!ownsServer) {
                return;
            }
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
