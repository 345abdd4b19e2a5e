package dev.securitycenter.password;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;
import org.keycloak.policy.PolicyError;

/**
 * Password policy {@value #ID}: never refuses a password; it notes which option levels a new password meets, so
 * the realm's compliance with a stronger policy can be previewed. The extension adds it to the realm's password
 * policy when the realm is set up; removing it there stops the recording.
 */
public class CompliancePasswordPolicyProviderFactory implements PasswordPolicyEntryFactory {

    public static final String ID = "securityCenterCompliance";

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return new PasswordPolicyProvider() {
            @Override
            public PolicyError validate(RealmModel realm, UserModel user, String password) {
                if (user != null && password != null) {
                    PasswordComplianceRecorder.noteValidated(session, user, password);
                }
                return null;
            }

            @Override
            public PolicyError validate(String user, String password) {
                return null;
            }

            @Override
            public Object parseConfig(String value) {
                return null;
            }

            @Override
            public void close() {
            }
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
