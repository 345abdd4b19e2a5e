package dev.securitycenter.it.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The database a test run uses: Keycloak's default H2 file database, or an embedded PostgreSQL server. */
public sealed interface TestDatabase extends AutoCloseable {

    String name();

    List<String> keycloakOptions();

    @Override
    void close();

    static TestDatabase fromSystemProperty() {
        String db = KeycloakServer.requiredProperty("it.db");
        return switch (db) {
            case "h2" -> new H2();
            case "postgres" -> Postgres.start();
            default -> throw new IllegalStateException("Unknown it.db " + db);
        };
    }

    record H2() implements TestDatabase {
        @Override
        public String name() {
            return "h2";
        }

        @Override
        public List<String> keycloakOptions() {
            return List.of("--db=dev-file");
        }

        @Override
        public void close() {
        }
    }

    record Postgres(EmbeddedPostgres server) implements TestDatabase {
        static Postgres start() {
            try {
                return new Postgres(EmbeddedPostgres.builder().setPort(0).start());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
        }

        @Override
        public String name() {
            return "postgres";
        }

        @Override
        public List<String> keycloakOptions() {
            return List.of("--db=postgres", "--db-url=" + jdbcUrl(), "--db-username=postgres",
                    "--db-password=postgres");
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
