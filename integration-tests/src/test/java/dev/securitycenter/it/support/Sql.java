package dev.securitycenter.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain SQL against the test server's database, for tests that must look or tamper behind Keycloak's back. */
public final class Sql {

    private Sql() {
    }

    public static int update(String sql, Object... params) throws SQLException {
        try (Connection db = KeycloakTestServer.server().database().connect();
             PreparedStatement statement = prepare(db, sql, params)) {
            return statement.executeUpdate();
        }
    }

    /** The first column of every row. */
    public static List<Object> column(String sql, Object... params) throws SQLException {
        try (Connection db = KeycloakTestServer.server().database().connect();
             PreparedStatement statement = prepare(db, sql, params);
             ResultSet rows = statement.executeQuery()) {
            List<Object> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getObject(1));
            }
            return values;
        }
    }

    /** Every column of the first row. */
    public static List<Object> row(String sql, Object... params) throws SQLException {
        try (Connection db = KeycloakTestServer.server().database().connect();
             PreparedStatement statement = prepare(db, sql, params);
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("No row for " + sql);
            }
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                values.add(rows.getObject(i));
            }
            return values;
        }
    }

    /**
     * A user attribute straight from the table: attributes outside the user profile (ours) are not shown by
     * Keycloak's APIs.
     */
    public static List<Object> userAttribute(String userId, String name) throws SQLException {
        return column("select VALUE from USER_ATTRIBUTE where USER_ID = ? and NAME = ?", userId, name);
    }

    public static long count(String sql, Object... params) throws SQLException {
        return ((Number) column(sql, params).get(0)).longValue();
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... params) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }
}
