package dev.securitycenter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One row of the security audit log. Rows are only ever inserted (and purged by retention), never updated. */
@Entity
@Table(name = "SC_AUDIT_EVENT")
@NamedQuery(name = AuditEventEntity.CHAIN_AFTER,
        query = "select e from AuditEventEntity e where e.realmId = :realmId and e.seq > :afterSeq"
                + " and e.seq <= :throughSeq order by e.seq")
@NamedQuery(name = AuditEventEntity.DELETE_THROUGH_SEQ,
        query = "delete from AuditEventEntity e where e.realmId = :realmId and e.seq <= :throughSeq")
@NamedQuery(name = AuditEventEntity.LAST_SEQ_BEFORE,
        query = "select max(e.seq) from AuditEventEntity e where e.realmId = :realmId and e.time < :before")
@NamedQuery(name = AuditEventEntity.DELETE_BY_REALM,
        query = "delete from AuditEventEntity e where e.realmId = :realmId")
public class AuditEventEntity {

    public static final String CHAIN_AFTER = "securityCenter.auditChainAfter";
    public static final String DELETE_THROUGH_SEQ = "securityCenter.auditDeleteThroughSeq";
    public static final String LAST_SEQ_BEFORE = "securityCenter.auditLastSeqBefore";
    public static final String DELETE_BY_REALM = "securityCenter.auditDeleteByRealm";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    /** Position in the realm's hash chain: 1, 2, 3, … without gaps. */
    @Column(name = "SEQ", nullable = false)
    private long seq;

    @Column(name = "EVENT_TYPE", length = 64, nullable = false)
    private String type;

    @Column(name = "SUBJECT_USER_ID", length = 36)
    private String subjectUserId;

    @Column(name = "SUBJECT_USERNAME", length = 255)
    private String subjectUsername;

    @Column(name = "ACTOR_USER_ID", length = 36)
    private String actorUserId;

    @Column(name = "ACTOR_USERNAME", length = 255)
    private String actorUsername;

    @Column(name = "CLIENT_ID", length = 255)
    private String clientId;

    @Column(name = "IP_ADDRESS", length = 64)
    private String ipAddress;

    /** A small JSON object; never secrets. */
    @Column(name = "DETAILS", length = 4000)
    private String details;

    /** Epoch milliseconds. */
    @Column(name = "EVENT_TIME", nullable = false)
    private long time;

    @Column(name = "PREV_HASH", length = 64, nullable = false)
    private String prevHash;

    @Column(name = "HASH", length = 64, nullable = false)
    private String hash;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public long getSeq() {
        return seq;
    }

    public void setSeq(long seq) {
        this.seq = seq;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getSubjectUserId() {
        return subjectUserId;
    }

    public void setSubjectUserId(String subjectUserId) {
        this.subjectUserId = subjectUserId;
    }

    public String getSubjectUsername() {
        return subjectUsername;
    }

    public void setSubjectUsername(String subjectUsername) {
        this.subjectUsername = subjectUsername;
    }

    public String getActorUserId() {
        return actorUserId;
    }

    public void setActorUserId(String actorUserId) {
        this.actorUserId = actorUserId;
    }

    public String getActorUsername() {
        return actorUsername;
    }

    public void setActorUsername(String actorUsername) {
        this.actorUsername = actorUsername;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public void setIpAddress(String ipAddress) {
        this.ipAddress = ipAddress;
    }

    public String getDetails() {
        return details;
    }

    public void setDetails(String details) {
        this.details = details;
    }

    public long getTime() {
        return time;
    }

    public void setTime(long time) {
        this.time = time;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public void setPrevHash(String prevHash) {
        this.prevHash = prevHash;
    }

    public String getHash() {
        return hash;
    }

    public void setHash(String hash) {
        this.hash = hash;
    }
}
