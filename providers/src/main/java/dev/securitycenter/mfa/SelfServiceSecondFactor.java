package dev.securitycenter.mfa;

import dev.securitycenter.audit.SelfServiceCredentialEvents;
import dev.securitycenter.mfa.factor.SecondFactorMethods;
import dev.securitycenter.mfa.recovery.RecoveryCodes;
import dev.securitycenter.policy.MfaMethod;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.Arrays;
import java.util.List;

/**
 * A user regenerating their recovery codes or turning their 2FA off, whatever their factors (authenticator app,
 * phone, email, passkeys): recovery codes belong to the account, not to one method.
 */
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

    /** Any second factor, as the overview's status shows it. */
    public boolean isEnabled() {
        return SecondFactorRequirement.hasSecondFactor(user);
    }

    /** Whether the realm's policy requires 2FA of this user, so only an admin may turn it off. */
    public boolean isEnforced() {
        return SecondFactorRequirement.requiredFor(realm, user);
    }

    public ChangeConfirmation confirmation() {
        return ChangeConfirmation.of(user);
    }

    /** New codes replace all old ones; records {@code auth.2fa_recovery_codes_regenerated}. */
    public List<String> regenerateRecoveryCodes() {
        List<String> codes = new RecoveryCodes(session, realm).generate(user);
        events.updated(RecoveryCodes.TYPE);
        return codes;
    }

    /**
     * Removes every second factor and the recovery codes; records {@code auth.2fa_disabled} once per method the
     * user had, with that method.
     */
    public void disable() {
        Arrays.stream(MfaMethod.values()).map(SecondFactorMethods::credentialType).forEach(type -> {
            List<String> ids = user.credentialManager().getStoredCredentialsByTypeStream(type)
                    .map(credential -> credential.getId()).toList();
            ids.forEach(id -> user.credentialManager().removeStoredCredentialById(id));
            if (!ids.isEmpty()) {
                events.removed(type);
            }
        });
        new RecoveryCodes(session, realm).remove(user);
    }
}
