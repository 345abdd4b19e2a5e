package dev.securitycenter.mfa;

import dev.securitycenter.mfa.recovery.RecoveryCodes;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.credential.OTPCredentialModel;

import java.util.List;

/** A user regenerating their recovery codes or turning their authenticator-app 2FA off. */
public final class SelfServiceSecondFactor {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;
    private final UserSessionModel current;
    private final String clientId;

    public SelfServiceSecondFactor(KeycloakSession session, RealmModel realm, UserModel user,
                                   UserSessionModel current, String clientId) {
        this.session = session;
        this.realm = realm;
        this.user = user;
        this.current = current;
        this.clientId = clientId;
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
        event(EventType.UPDATE_CREDENTIAL, RecoveryCodes.TYPE);
        return codes;
    }

    /** Removes the OTP credentials and the recovery codes; records {@code auth.2fa_disabled}. */
    public void disable() {
        user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE).toList()
                .forEach(credential -> user.credentialManager().removeStoredCredentialById(credential.getId()));
        new RecoveryCodes(session, realm).remove(user);
        event(EventType.REMOVE_CREDENTIAL, OTPCredentialModel.TYPE);
    }

    private void event(EventType type, String credentialType) {
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(type)
                .client(clientId)
                .user(user)
                .session(current)
                .detail(Details.CREDENTIAL_TYPE, credentialType)
                .success();
    }
}
