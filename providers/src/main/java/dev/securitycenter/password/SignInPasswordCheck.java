package dev.securitycenter.password;

import dev.securitycenter.policy.SecurityPolicyReader;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * After a password has been proven at sign-in: records its compliance levels, and when it no longer meets the
 * realm's current rules (length, character classes) makes the user change it before continuing.
 */
final class SignInPasswordCheck {

    private SignInPasswordCheck() {
    }

    static void passwordProven(RealmModel realm, UserModel user, String password) {
        PasswordCompliance compliance = PasswordCompliance.of(password);
        PasswordComplianceRecorder.record(user, compliance);
        if (!compliance.meets(SecurityPolicyReader.password(realm.getPasswordPolicy()))) {
            user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        }
    }
}
