package dev.securitycenter.password;

import dev.securitycenter.policy.PasswordRules;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/**
 * Password policy {@value #ID}: refuses a password on the bundled {@link CommonPasswords} list. As an entry of the
 * realm's password policy, Keycloak consults it wherever it sets a password (account API, UPDATE_PASSWORD,
 * registration, admin reset). Keycloak's own {@code passwordBlacklist} reads a file that each node's operator must
 * place in its data directory; this one needs no file, so every node of every realm enforces the same list.
 */
public class CommonPasswordPolicyProviderFactory implements PasswordPolicyEntryFactory, PasswordPolicyProvider {

    public static final String ID = PasswordRules.BLOCK_COMMON_POLICY_ID;
    /** The rule's name in the account API's errors. */
    public static final String RULE = "blocklist";
    /**
     * Keycloak's own message for a denied password: every login, account and admin theme already translates it, so
     * the login pages and the admin console's reset show a plain sentence (our login theme words it more helpfully).
     */
    public static final String MESSAGE = "invalidPasswordBlacklistedMessage";

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
        return validate(user == null ? null : user.getUsername(), password);
    }

    @Override
    public PolicyError validate(String user, String password) {
        return password != null && CommonPasswords.isCommon(password) ? new PolicyError(MESSAGE) : null;
    }

    @Override
    public Object parseConfig(String value) {
        return null;
    }

    /** Stateless, so the factory serves as the provider of every session. */
    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getDisplayName() {
        return "Security Center common passwords";
    }

    /** Closes the provider and the factory alike: neither holds anything. */
    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
