package dev.securitycenter.password;

import dev.securitycenter.policy.BlockedWords;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Password policy {@value #ID}: refuses the admin's own words (company and product names, the entry's
 * comma-separated value), matched as the common-password list is: case-insensitively, whole or with digits and
 * symbols appended ("Acme2026!" when "acme" is blocked). A word is reduced the same way, so "Globex2" blocks
 * "globex" with anything appended.
 */
public class BlockedWordsPasswordPolicyProviderFactory implements PasswordPolicyEntryFactory {

    public static final String ID = BlockedWords.POLICY_ID;
    /** The rule's name in the account API's errors. */
    public static final String RULE = "blockedWords";

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return new Check() {
            @Override
            public PolicyError validate(RealmModel realm, UserModel user, String password) {
                Set<String> words = realm.getPasswordPolicy().getPolicyConfig(ID);
                return words != null && password != null && CommonPasswords.isOn(words, password)
                        ? new PolicyError(CommonPasswordPolicyProviderFactory.MESSAGE) : null;
            }

            @Override
            public PolicyError validate(String user, String password) {
                RealmModel realm = session.getContext().getRealm();
                return realm == null ? null : validate(realm, null, password);
            }

            @Override
            public Object parseConfig(String value) {
                return BlockedWords.parse(value).stream().map(CommonPasswords::matchKey)
                        .collect(Collectors.toUnmodifiableSet());
            }

        };
    }

    @Override
    public String getDisplayName() {
        return "Security Center blocked words";
    }

    @Override
    public String getConfigType() {
        return PasswordPolicyProvider.STRING_CONFIG_TYPE;
    }

    @Override
    public String getDefaultConfigValue() {
        return "";
    }

    @Override
    public String getId() {
        return ID;
    }
}
