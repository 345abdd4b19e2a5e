package dev.securitycenter.audit;

import dev.securitycenter.jpa.AuditEventEntity;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AuditHashTest {

    @Test
    void everyFieldIsCovered() {
        String original = AuditHash.of(row());
        AuditEventEntity changed = row();
        changed.setIpAddress("10.0.0.2");
        assertNotEquals(original, AuditHash.of(changed));
        changed = row();
        changed.setPrevHash("f".repeat(64));
        assertNotEquals(original, AuditHash.of(changed));
        changed = row();
        changed.setSeq(8);
        assertNotEquals(original, AuditHash.of(changed));
        changed = row();
        changed.setTime(changed.getTime() + 1);
        assertNotEquals(original, AuditHash.of(changed));
        assertEquals(original, AuditHash.of(row()), "the hash is deterministic");
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        AuditEventEntity a = row();
        a.setSubjectUserId("ab");
        a.setSubjectUsername("c");
        AuditEventEntity b = row();
        b.setSubjectUserId("a");
        b.setSubjectUsername("bc");
        assertNotEquals(AuditHash.of(a), AuditHash.of(b));
    }

    @Test
    void nullIsNotTheEmptyString() {
        AuditEventEntity a = row();
        a.setClientId(null);
        AuditEventEntity b = row();
        b.setClientId("");
        assertNotEquals(AuditHash.of(a), AuditHash.of(b));
    }

    private static AuditEventEntity row() {
        AuditEventEntity row = new AuditEventEntity();
        row.setId("9b1d6f0e-0000-4000-8000-000000000001");
        row.setRealmId("realm-1");
        row.setSeq(7);
        row.setType("auth.login_failed");
        row.setSubjectUserId("user-1");
        row.setSubjectUsername("jsmith");
        row.setClientId("account-console");
        row.setIpAddress("10.0.0.1");
        row.setDetails("{\"error\":\"invalid_user_credentials\"}");
        row.setTime(1765463520000L);
        row.setPrevHash(AuditHash.GENESIS);
        return row;
    }
}
