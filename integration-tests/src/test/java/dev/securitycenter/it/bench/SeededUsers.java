package dev.securitycenter.it.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Users inserted into Keycloak's tables with JDBC batches, for harnesses that need a realm of 100,000 people in
 * seconds rather than 100,000 admin calls: each gets a copy of one real password credential (the same password,
 * hashed once by Keycloak), first and last name (the default user profile requires them, or sign-in asks for them)
 * and a verified address. Whatever else a harness adds goes through {@link #batch}, committed with the users.
 */
final class SeededUsers implements AutoCloseable {

    private static final int BATCH = 2000;

    private final Connection db;
    private final String realmId;
    private final List<Object> passwordCredential;
    private final long now = System.currentTimeMillis();
    private final PreparedStatement user;
    private final PreparedStatement credential;
    private final List<PreparedStatement> batches = new ArrayList<>();
    private int pending;

    /** @param passwordCredential SECRET_DATA and CREDENTIAL_DATA of a password credential Keycloak made */
    SeededUsers(Connection db, String realmId, List<Object> passwordCredential) throws SQLException {
        this.db = db;
        this.realmId = realmId;
        this.passwordCredential = passwordCredential;
        db.setAutoCommit(false);
        user = batch("insert into USER_ENTITY (ID, USERNAME, EMAIL, EMAIL_CONSTRAINT, EMAIL_VERIFIED, ENABLED,"
                + " REALM_ID, CREATED_TIMESTAMP, NOT_BEFORE, FIRST_NAME, LAST_NAME)"
                + " values (?, ?, ?, ?, true, true, ?, ?, 0, 'Bench', ?)");
        credential = batch("insert into CREDENTIAL (ID, TYPE, USER_ID, CREATED_DATE, SECRET_DATA,"
                + " CREDENTIAL_DATA, PRIORITY, VERSION) values (?, ?, ?, ?, ?, ?, ?, 0)");
    }

    /** A statement of the harness's own, executed and committed in the same batches as the users. */
    PreparedStatement batch(String sql) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        batches.add(statement);
        return statement;
    }

    /** Adds one user with the password; returns the user's id. */
    String add(String username) throws SQLException {
        String id = UUID.randomUUID().toString();
        user.setString(1, id);
        user.setString(2, username);
        user.setString(3, username + "@bench.test");
        user.setString(4, username + "@bench.test");
        user.setString(5, realmId);
        user.setLong(6, now);
        user.setString(7, username);
        user.addBatch();
        addCredential(id, "password", passwordCredential.get(0), passwordCredential.get(1), 10);
        if (++pending == BATCH) {
            flush();
        }
        return id;
    }

    void addCredential(String userId, String type, Object secret, Object data, int priority) throws SQLException {
        credential.setString(1, UUID.randomUUID().toString());
        credential.setString(2, type);
        credential.setString(3, userId);
        credential.setLong(4, now);
        credential.setObject(5, secret);
        credential.setObject(6, data);
        credential.setInt(7, priority);
        credential.addBatch();
    }

    private void flush() throws SQLException {
        for (PreparedStatement statement : batches) {
            statement.executeBatch();
        }
        db.commit();
        pending = 0;
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            for (PreparedStatement statement : batches) {
                statement.close();
            }
        }
    }
}
