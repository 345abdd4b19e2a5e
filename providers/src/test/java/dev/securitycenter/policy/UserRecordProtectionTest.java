package dev.securitycenter.policy;

import org.junit.jupiter.api.Test;
import org.keycloak.Config;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UserRecordProtectionTest {

    @Test
    void bothOptionsMustCoverThePrefix() {
        assertEquals(UserRecordProtection.OPTIONS, UserRecordProtection.unprotectedBy(options(Map.of())));
        assertEquals(List.of(), UserRecordProtection.unprotectedBy(options(Map.of(
                "read-only-attributes", "department, securityCenter.*",
                "admin-read-only-attributes", "SECURITYCENTER.*"))), "Keycloak matches the names ignoring case");
        assertEquals(List.of("admin-read-only-attributes"), UserRecordProtection.unprotectedBy(options(Map.of(
                "read-only-attributes", "securityCenter.*"))));
    }

    @Test
    void namingSomeRecordsIsNotEnough() {
        assertEquals(UserRecordProtection.OPTIONS, UserRecordProtection.unprotectedBy(options(Map.of(
                "read-only-attributes", "securityCenter.breachChecked,securityCenter",
                "admin-read-only-attributes", "security*Center"))));
    }

    /** The user-profile provider's options as Keycloak's own scope reads them (arrays split at commas). */
    private static Config.Scope options(Map<String, String> values) {
        return new Config.AbstractScope() {
            @Override
            public String get(String key) {
                return values.get(key);
            }

            @Override
            public Config.Scope scope(String... scope) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Set<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public Config.Scope root() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
