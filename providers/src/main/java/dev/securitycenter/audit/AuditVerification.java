package dev.securitycenter.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Result of checking a realm's hash chain: {@code ok}, how many rows were checked, and otherwise the first place
 * where the chain breaks ({@code brokenAtSeq}, the row's id when the row exists, and why).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(boolean ok, long checked, Long brokenAtSeq, String brokenEventId, String reason) {

    static AuditVerification intact(long checked) {
        return new AuditVerification(true, checked, null, null, null);
    }

    static AuditVerification broken(long checked, long seq, String eventId, String reason) {
        return new AuditVerification(false, checked, seq, eventId, reason);
    }
}
