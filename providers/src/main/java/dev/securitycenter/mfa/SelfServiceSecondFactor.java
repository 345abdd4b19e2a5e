package dev.securitycenter.mfa;

import dev.securitycenter.audit.SelfServiceCredentialEvents;
import dev.securitycenter.mfa.recovery.RecoveryCodes;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

import java.util.List;

/** A user regenerating their recovery codes or turning their authenticator-app 2FA off. */
public final class SelfServiceSecondFactor {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;
    private final SelfServiceCredentialEvents events;

    public SelfServiceSecondFactor(KeycloakSession session, RealmModel realm, UserModel user,
                                   SelfServiceCredentialEvents events) {
        this.session = session;
        this.realm = realm;
        this.user = user;
        this.events = events;
    }

    public boolean isEnabled() {
        return user.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE);
    }

    /** Whether the realm's policy requires 2FA of this user, so only an admin may turn it off. */
    public boolean isEnforced() {
        return SecondFactorRequirement.requiredFor(realm, user);
    }

    /** New codes replace all old ones; records {@code auth.2fa_recovery_codes_regenerated}. */
    public List<String> regenerateRecoveryCodes() {
        List<String> codes = new RecoveryCodes(session, realm).generate(user);
        events.updated(RecoveryCodes.TYPE);
        return codes;
    }

    /** Removes the OTP credentials and the recovery codes; records {@code auth.2fa_disabled}. */
    public void disable() {
        user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE).toList()
                .forEach(credential -> user.credentialManager().removeStoredCredentialById(credential.getId()));
        new RecoveryCodes(session, realm).remove(user);
        events.removed(OTPCredentialModel.TYPE);
    }
}
