package dev.securitycenter.it.bench;

import dev.securitycenter.audit.AuditHash;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Sql;
import dev.securitycenter.jpa.AuditEventEntity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A realm's audit log filled behind Keycloak's back for the load harnesses: a valid hash chain, fast. */
final class AuditLogSeed {

    private static final int USERS = 1000;

    private AuditLogSeed() {
    }

    /**
     * {@code events} chained events spread evenly over the past year, 1000 users, each of a type drawn from
     * {@code types} (repeat a type to make it more frequent), inserted in JDBC batches; returns the newest time.
     */
    static long seed(String realmId, int events, String[] types) throws Exception {
        Random random = new Random(42);
        long now = System.currentTimeMillis();
        long start = now - Duration.ofDays(365).toMillis();
        long step = (now - start) / events;
        String prev = AuditHash.GENESIS;
        long time = start;
        try (Connection db = KeycloakTestServer.server().database().connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("insert into SC_AUDIT_EVENT (ID, REALM_ID, SEQ,"
                    + " EVENT_TYPE, SUBJECT_USER_ID, SUBJECT_USERNAME, CLIENT_ID, IP_ADDRESS, EVENT_TIME, PREV_HASH,"
                    + " HASH) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int seq = 1; seq <= events; seq++) {
                    int user = random.nextInt(USERS);
                    time += step;
                    AuditEventEntity row = new AuditEventEntity();
                    row.setId(UUID.randomUUID().toString());
                    row.setRealmId(realmId);
                    row.setSeq(seq);
                    row.setType(types[random.nextInt(types.length)]);
                    row.setSubjectUserId("user-" + user);
                    row.setSubjectUsername("user" + user);
                    row.setClientId("account-console");
                    row.setIpAddress("10.0." + random.nextInt(256) + "." + random.nextInt(256));
                    row.setTime(time);
                    row.setPrevHash(prev);
                    row.setHash(AuditHash.of(row));
                    Object[] values = {row.getId(), realmId, (long) seq, row.getType(), row.getSubjectUserId(),
                            row.getSubjectUsername(), row.getClientId(), row.getIpAddress(), row.getTime(),
                            row.getPrevHash(), row.getHash()};
                    for (int i = 0; i < values.length; i++) {
                        insert.setObject(i + 1, values[i]);
                    }
                    insert.addBatch();
                    prev = row.getHash();
                    if (seq % 5000 == 0) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement head = db.prepareStatement("insert into SC_AUDIT_CHAIN_HEAD (REALM_ID, LAST_SEQ,"
                    + " LAST_HASH, PURGED_THROUGH_SEQ, PURGED_THROUGH_HASH) values (?, ?, ?, 0, ?)")) {
                head.setString(1, realmId);
                head.setLong(2, events);
                head.setString(3, prev);
                head.setString(4, AuditHash.GENESIS);
                head.executeUpdate();
            }
            db.commit();
            try (Statement analyze = db.createStatement()) {
                db.setAutoCommit(true);
                analyze.execute("analyze SC_AUDIT_EVENT");
            }
        }
        assertEquals(events, Sql.count("select count(*) from SC_AUDIT_EVENT where REALM_ID = ?", realmId));
        return time;
    }
}
