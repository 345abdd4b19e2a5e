package dev.securitycenter.it.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the extension's Liquibase changelog made of a PostgreSQL database: the changeSets it recorded (with their
 * checksums), and the columns, indexes and constraints of its {@code SC_} tables, each as sorted text lines, so two
 * databases can be compared line by line.
 */
public final class ExtensionSchema {

    private static final String TABLES = "lower(%s) LIKE 'sc\\_%%'";
    /**
     * Liquibase's record of our changelog: Keycloak names it after the JPA entity provider's id, upper-cased, '-'
     * made '_', cut to ten characters ({@code JpaUtils.getCustomChangelogTableName}: "security-center" gives
     * DATABASECHANGELOG_SECURITY_C), and PostgreSQL folds the unquoted name to lower case.
     */
    public static final String CHANGELOG_TABLE = "databasechangelog_security_c";

    private ExtensionSchema() {
    }

    public static List<String> of(TestDatabase database) {
        try (Connection connection = database.connect()) {
            List<String> lines = new ArrayList<>();
            lines.addAll(rows(connection, "changeSet", "SELECT filename, id, author, md5sum FROM "
                    + table(connection, CHANGELOG_TABLE) + " ORDER BY filename, id"));
            lines.addAll(rows(connection, "column", "SELECT table_name, column_name, data_type, "
                    + "character_maximum_length, numeric_precision, is_nullable, column_default "
                    + "FROM information_schema.columns WHERE table_schema = 'public' AND "
                    + TABLES.formatted("table_name") + " ORDER BY 1, 2"));
            lines.addAll(rows(connection, "index", "SELECT tablename, indexname, indexdef FROM pg_indexes "
                    + "WHERE schemaname = 'public' AND " + TABLES.formatted("tablename") + " ORDER BY 1, 2"));
            lines.addAll(rows(connection, "constraint", "SELECT table_name, constraint_name, constraint_type "
                    + "FROM information_schema.table_constraints WHERE table_schema = 'public' AND "
                    + TABLES.formatted("table_name") + " AND constraint_type <> 'CHECK' ORDER BY 1, 2"));
            return lines;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the extension's schema of " + database.name(), e);
        }
    }

    /** A table by its lower-case name, quoted as it was created (Liquibase may keep the upper case). */
    public static String table(Connection connection, String name) throws SQLException {
        List<String> found = rows(connection, "", "SELECT table_name FROM information_schema.tables WHERE "
                + "table_schema = 'public' AND lower(table_name) = '" + name + "'");
        if (found.size() != 1) {
            throw new IllegalStateException("No single table " + name + ": " + found);
        }
        return '"' + found.get(0).substring(" | ".length()) + '"';
    }

    private static List<String> rows(Connection connection, String kind, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> lines = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder line = new StringBuilder(kind);
                for (int i = 1; i <= columns; i++) {
                    line.append(" | ").append(rows.getString(i));
                }
                lines.add(line.toString());
            }
            return lines;
        }
    }
}
