package dev.securitycenter.password;

import dev.securitycenter.password.breach.BreachVerdict;
import dev.securitycenter.password.breach.BreachedPasswords;
import dev.securitycenter.policy.PasswordRules;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/**
 * Password policy {@value #ID}: refuses a new password that the {@link BreachedPasswords} provider knows from data
 * breaches, and, when the server is set to fail closed, one it could not check. As an entry of the realm's password
 * policy Keycloak consults it wherever it sets a password (account API, UPDATE_PASSWORD, registration, admin
 * reset). A password found clean is noted so that signing in with it does not ask the range API again.
 */
public class BreachedPasswordPolicyProviderFactory implements PasswordPolicyEntryFactory {

    public static final String ID = PasswordRules.BLOCK_BREACHED_POLICY_ID;
    /** The rule's name in the account API's errors. */
    public static final String RULE = "breached";
    static final String BREACHED_MESSAGE = "securityCenterBreachedPasswordMessage";
    static final String UNCHECKED_MESSAGE = "securityCenterBreachCheckUnavailableMessage";

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return new Check() {
            /**
             * One request may validate the same password twice (our collected checks, then Keycloak's own when it
             * stores it): the last answer is reused, so an unreachable corpus costs one timeout, not two.
             */
            private String lastPassword;
            private BreachVerdict lastVerdict;

            @Override
            public PolicyError validate(RealmModel realm, UserModel user, String password) {
                if (password == null) {
                    return null;
                }
                BreachedPasswords breaches = session.getProvider(BreachedPasswords.class);
                if (!password.equals(lastPassword)) {
                    lastVerdict = breaches.check(password);
                    lastPassword = password;
                }
                BreachVerdict verdict = lastVerdict;
                if (verdict == BreachVerdict.NOT_FOUND && user != null) {
                    BreachCheckMarker.noteChecked(session, user);
                }
                if (verdict == BreachVerdict.BREACHED) {
                    return new PolicyError(BREACHED_MESSAGE);
                }
                return verdict == BreachVerdict.UNKNOWN && breaches.refusesUnchecked()
                        ? new PolicyError(UNCHECKED_MESSAGE) : null;
            }

        };
    }

    @Override
    public String getDisplayName() {
        return "Security Center breached passwords";
    }

    @Override
    public String getId() {
        return ID;
    }
}
