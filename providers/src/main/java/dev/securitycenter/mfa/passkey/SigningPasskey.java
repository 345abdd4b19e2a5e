package dev.securitycenter.mfa.passkey;

import org.keycloak.credential.CredentialModel;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Which of a user's passkeys signed this sign-in: Keycloak's WebAuthn step names the public-key credential id it
 * verified in its event ({@code public_key_credential_id}, base64url), while the account page speaks of Keycloak's
 * own credential ids; this finds the stored passkey with that public-key id.
 */
public final class SigningPasskey {

    /** The detail Keycloak's WebAuthn authenticators set on a verified assertion. */
    static final String PUBLIC_KEY_CREDENTIAL_ID = "public_key_credential_id";

    private SigningPasskey() {
    }

    public static Optional<String> credentialId(UserModel user, EventBuilder event) {
        Map<String, String> details = event.getEvent().getDetails();
        String signed = details == null ? null : details.get(PUBLIC_KEY_CREDENTIAL_ID);
        if (signed == null || user == null) {
            return Optional.empty();
        }
        return user.credentialManager().getStoredCredentialsByTypeStream(WebAuthnCredentialModel.TYPE_PASSWORDLESS)
                .filter(stored -> sameId(publicKeyId(stored), signed))
                .map(CredentialModel::getId)
                .findFirst();
    }

    /** Whether two spellings of public-key credential ids (base64 or base64url, padded or not) are the same bytes. */
    static boolean sameId(String stored, String reported) {
        String canonical = canonical(stored);
        return !canonical.isEmpty() && canonical.equals(canonical(reported));
    }

    private static String publicKeyId(CredentialModel stored) {
        try {
            return WebAuthnCredentialModel.createFromCredentialModel(stored).getWebAuthnCredentialData()
                    .getCredentialId();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** Keycloak stores the id in standard base64 and reports it in base64url: compare the bytes' one spelling. */
    private static String canonical(String base64) {
        if (base64 == null) {
            return "";
        }
        String url = base64.trim().replace('+', '-').replace('/', '_');
        while (url.endsWith("=")) {
            url = url.substring(0, url.length() - 1);
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getUrlDecoder().decode(url));
        } catch (IllegalArgumentException unreadable) {
            return "";
        }
    }
}
