package dev.securitycenter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

@Entity
@Table(name = "SC_IP_ALLOWLIST_ENTRY")
@NamedQuery(name = IpAllowlistEntryEntity.BY_REALM,
        query = "select e from IpAllowlistEntryEntity e where e.realmId = :realmId order by e.position, e.createdAt")
@NamedQuery(name = IpAllowlistEntryEntity.DELETE_BY_REALM,
        query = "delete from IpAllowlistEntryEntity e where e.realmId = :realmId")
public class IpAllowlistEntryEntity {

    public static final String BY_REALM = "securityCenter.ipAllowlistEntriesByRealm";
    public static final String DELETE_BY_REALM = "securityCenter.deleteIpAllowlistEntriesByRealm";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    /** Canonical form (e.g. {@code 10.0.0.0/24}, {@code 2001:db8::/32}), unique per realm. */
    @Column(name = "VALUE", length = 50, nullable = false)
    private String value;

    @Column(name = "LABEL", length = 100)
    private String label;

    @Column(name = "CREATED_BY", length = 255)
    private String createdBy;

    /** Where the admin put the entry in the list. */
    @Column(name = "POSITION", nullable = false)
    private int position;

    /** Epoch milliseconds, portable across every database Keycloak supports. */
    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

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

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }
}
