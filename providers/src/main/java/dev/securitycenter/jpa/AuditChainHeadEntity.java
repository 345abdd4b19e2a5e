package dev.securitycenter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of a realm's hash chain. Appenders lock this row, so writers on every node append one after another;
 * it also remembers where retention cut the chain, so a purge is not mistaken for tampering (and deleting the
 * oldest rows by hand is).
 */
@Entity
@Table(name = "SC_AUDIT_CHAIN_HEAD")
public class AuditChainHeadEntity {

    @Id
    @Column(name = "REALM_ID", length = 36)
    private String realmId;

    @Column(name = "LAST_SEQ", nullable = false)
    private long lastSeq;

    @Column(name = "LAST_HASH", length = 64, nullable = false)
    private String lastHash;

    /** Rows up to this sequence number were purged by retention; 0 when nothing was. */
    @Column(name = "PURGED_THROUGH_SEQ", nullable = false)
    private long purgedThroughSeq;

    /** Hash of the last purged row: the prevHash the oldest remaining row must carry. */
    @Column(name = "PURGED_THROUGH_HASH", length = 64, nullable = false)
    private String purgedThroughHash;

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public long getLastSeq() {
        return lastSeq;
    }

    public void setLastSeq(long lastSeq) {
        this.lastSeq = lastSeq;
    }

    public String getLastHash() {
        return lastHash;
    }

    public void setLastHash(String lastHash) {
        this.lastHash = lastHash;
    }

    public long getPurgedThroughSeq() {
        return purgedThroughSeq;
    }

    public void setPurgedThroughSeq(long purgedThroughSeq) {
        this.purgedThroughSeq = purgedThroughSeq;
    }

    public String getPurgedThroughHash() {
        return purgedThroughHash;
    }

    public void setPurgedThroughHash(String purgedThroughHash) {
        this.purgedThroughHash = purgedThroughHash;
    }
}
