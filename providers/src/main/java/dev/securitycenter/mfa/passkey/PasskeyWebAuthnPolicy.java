package dev.securitycenter.mfa.passkey;

import dev.securitycenter.policy.MfaEnforcement;
import dev.securitycenter.policy.MfaMethod;
import dev.securitycenter.policy.MfaRules;
import dev.securitycenter.policy.PolicyAttributes;
import jakarta.enterprise.context.ContextNotActiveException;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.WebAuthnPolicy;
import org.keycloak.urls.UrlType;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Write-through of the PASSKEY method to Keycloak's WebAuthn Passwordless policy, which Keycloak's passkey sign-in
 * and registration read: allowing passkeys turns its passkeys switch on and asks for discoverable credentials with
 * user verification, and names the realm's hostname as relying party unless an admin already named one.
 * Disallowing them turns the switch off again only if this extension turned it on (remembered in a realm
 * attribute), so an admin's own passkey setup survives.
 */
public final class PasskeyWebAuthnPolicy {

    static final String TURNED_ON_BY_POLICY = PolicyAttributes.PREFIX + "mfa.passkeysTurnedOnByPolicy";
    /** WebAuthn relying-party ids are domains; an address cannot be one (the browser refuses it). */
    private static final Pattern ADDRESS = Pattern.compile("^[0-9.]+$|:");

    private PasskeyWebAuthnPolicy() {
    }

    public static void write(KeycloakSession session, RealmModel realm, MfaRules rules) {
        WebAuthnPolicy policy = realm.getWebAuthnPolicyPasswordless();
        if (rules.enforcement() != MfaEnforcement.DISABLED && rules.methods().contains(MfaMethod.PASSKEY)) {
            if (!Boolean.TRUE.equals(policy.isPasskeysEnabled())) {
                policy.setPasskeysEnabled(true);
                realm.setAttribute(TURNED_ON_BY_POLICY, "true");
            }
            // residentKey, which replaced the deprecated requireResidentKey option
            policy.setResidentKey(Constants.WEBAUTHN_POLICY_OPTION_REQUIRED);
            policy.setUserVerificationRequirement(Constants.WEBAUTHN_POLICY_OPTION_REQUIRED);
            if (policy.getRpId() == null || policy.getRpId().isBlank()) {
                String host = realmHostname(session, realm);
                if (host != null && !ADDRESS.matcher(host).find()) {
                    policy.setRpId(host);
                }
            }
            realm.setWebAuthnPolicyPasswordless(policy);
        } else if (realm.getAttribute(TURNED_ON_BY_POLICY, false)) {
            policy.setPasskeysEnabled(false);
            realm.setWebAuthnPolicyPasswordless(policy);
            realm.removeAttribute(TURNED_ON_BY_POLICY);
        }
    }

    /** The realm's own frontend URL if it has one, else the server's frontend hostname. */
    private static String realmHostname(KeycloakSession session, RealmModel realm) {
        String frontendUrl = realm.getAttribute("frontendUrl");
        if (frontendUrl != null && !frontendUrl.isBlank()) {
            return URI.create(frontendUrl.trim()).getHost();
        }
        try {
            return session.getContext().getUri(UrlType.FRONTEND).getBaseUri().getHost();
        } catch (ContextNotActiveException e) {
            // no request (the start-up upgrade of an older realm): left empty, Keycloak then uses each request's host
            return null;
        }
    }
}
