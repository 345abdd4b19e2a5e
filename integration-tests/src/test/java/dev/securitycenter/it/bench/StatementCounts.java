package dev.securitycenter.it.bench;

import dev.securitycenter.it.support.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * What PostgreSQL ran between a reset and a read, by normalised statement, from {@code pg_stat_statements} (a
 * database started with {@link TestDatabase.Postgres#startCountingStatements()}). Every statement is one round
 * trip between Keycloak and the database, so counting them per sign-in is a figure that does not depend on how busy
 * the machine is. The harness's own queries and JGroups' cluster discovery (which runs on a timer) are left out.
 */
final class StatementCounts {

    private final TestDatabase.Postgres database;

    StatementCounts(TestDatabase.Postgres database) throws SQLException {
        this.database = database;
        try (Connection db = database.connect(); Statement sql = db.createStatement()) {
            sql.execute("create extension if not exists pg_stat_statements");
        }
    }

    void reset() throws SQLException {
        try (Connection db = database.connect(); Statement sql = db.createStatement()) {
            sql.execute("select pg_stat_statements_reset()");
        }
    }

    /** Calls and total execution time of each statement since the last reset. */
    Map<String, Usage> read() throws SQLException {
        Map<String, Usage> usage = new HashMap<>();
        try (Connection db = database.connect(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select query, calls, total_exec_time from pg_stat_statements"
                     + " where query not ilike '%pg_stat_statements%' and query not ilike '%jgroups%'")) {
            while (rows.next()) {
                String query = rows.getString(1).replaceAll("\\s+", " ").trim();
                usage.merge(query, new Usage(rows.getLong(2), rows.getDouble(3)), Usage::plus);
            }
        }
        return usage;
    }

    /** @param millis time PostgreSQL spent executing, not counting the round trip */
    record Usage(long calls, double millis) {
        Usage plus(Usage other) {
            return new Usage(calls + other.calls, millis + other.millis);
        }
    }
}
