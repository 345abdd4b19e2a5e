package dev.securitycenter.password;

import org.keycloak.models.KeycloakSession;
import org.keycloak.policy.PasswordPolicyProvider;

/**
 * Password policy {@value #ID}: never refuses a password; it notes which option levels a new password meets, so
 * the realm's compliance with a stronger policy can be previewed. The extension adds it to the realm's password
 * policy when the realm is set up; removing it there stops the recording.
 */
public class CompliancePasswordPolicyProviderFactory implements PasswordPolicyEntryFactory {

    public static final String ID = "securityCenterCompliance";

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return (Check) (realm, user, password) -> {
            if (user != null && password != null) {
                PasswordComplianceRecorder.noteValidated(session, user, password);
            }
            return null;
        };
    }

    @Override
    public String getDisplayName() {
        return "Security Center compliance record";
    }

    @Override
    public String getId() {
        return ID;
    }
}
