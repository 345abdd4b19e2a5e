package dev.securitycenter.mfa;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.securitycenter.audit.AuditStore;
import dev.securitycenter.audit.SelfServiceCredentialEvents;
import dev.securitycenter.mfa.factor.SecondFactorMethods;
import dev.securitycenter.mfa.recovery.RecoveryCodes;
import dev.securitycenter.policy.MfaMethod;
import jakarta.annotation.Nullable;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The second factors a user holds (authenticator apps, phone, email, passkeys), as Keycloak stores them, and what
 * the user may do to their own passkeys: rename one, or remove one unless it is the last factor the policy
 * requires of them. Only the user's own credentials are ever looked at, so another user's id is simply not found.
 */
public final class OwnSecondFactors {

    /** Keycloak's credential label column holds 255 characters; a name people read needs far fewer. */
    public static final int LABEL_MAX = 64;

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"id", "method", "label", "created", "lastUsed"})
    public record Factor(String id, MfaMethod method, @Nullable String label, @Nullable String created,
                         @Nullable String lastUsed) {
    }

    /** The list and whether the policy lets the user add a passkey now. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"factors", "passkeysAvailable"})
    public record Factors(List<Factor> factors, boolean passkeysAvailable) {
    }

    public enum Removal { REMOVED, NOT_FOUND, LAST_FACTOR }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;

    public OwnSecondFactors(KeycloakSession session, RealmModel realm, UserModel user) {
        this.session = session;
        this.realm = realm;
        this.user = user;
    }

    /**
     * Every factor, oldest first within each method (those without a date last); passkeys carry when they last
     * signed the user in.
     */
    public Factors list() {
        Map<String, Long> lastUse = new AuditStore(session).lastPasskeySignIns(realm.getId(), user.getId());
        List<Factor> factors = Arrays.stream(MfaMethod.values())
                .flatMap(method -> stored(method)
                        .map(credential -> new Factor(credential.getId(), method, credential.getUserLabel(),
                                time(credential.getCreatedDate()),
                                method == MfaMethod.PASSKEY ? time(lastUse.get(credential.getId())) : null)))
                .toList();
        return new Factors(factors, SecondFactorMethods.allowed(realm, MfaMethod.PASSKEY));
    }

    public Optional<CredentialModel> passkey(String id) {
        return stored(MfaMethod.PASSKEY).filter(credential -> credential.getId().equals(id)).findFirst();
    }

    /** Keycloak's own label update, as its account console renames a credential. */
    public Optional<Factor> renamePasskey(String id, String label) {
        if (passkey(id).isEmpty()) {
            return Optional.empty();
        }
        user.credentialManager().updateCredentialLabel(id, label);
        return list().factors().stream().filter(factor -> factor.id().equals(id)).findFirst();
    }

    /**
     * Whether removing this passkey would leave a user the policy requires to use 2FA without a factor they may
     * sign in with (for an admin who must use a passkey: without a passkey).
     */
    public boolean isLastRequiredFactor(String passkeyId) {
        if (!SecondFactorRequirement.requiredFor(realm, user)) {
            return false;
        }
        boolean otherPasskey = stored(MfaMethod.PASSKEY).anyMatch(credential -> !credential.getId().equals(passkeyId))
                && SecondFactorMethods.allowed(realm, MfaMethod.PASSKEY);
        if (otherPasskey) {
            return false;
        }
        return SecondFactorMethods.mustUsePasskey(realm, user) || Arrays.stream(MfaMethod.values())
                .filter(method -> method != MfaMethod.PASSKEY)
                .noneMatch(method -> SecondFactorMethods.usable(realm, user, method));
    }

    /**
     * Removes the passkey; records {@code auth.2fa_disabled} with method PASSKEY. Recovery codes go with the last
     * second factor, as when 2FA is turned off, since alone they are no second factor.
     */
    public Removal removePasskey(String id, SelfServiceCredentialEvents events) {
        if (passkey(id).isEmpty()) {
            return Removal.NOT_FOUND;
        }
        if (isLastRequiredFactor(id)) {
            return Removal.LAST_FACTOR;
        }
        user.credentialManager().removeStoredCredentialById(id);
        if (!SecondFactorRequirement.hasSecondFactor(user)) {
            new RecoveryCodes(session, realm).remove(user);
        }
        events.removed(SecondFactorMethods.credentialType(MfaMethod.PASSKEY));
        return Removal.REMOVED;
    }

    private Stream<CredentialModel> stored(MfaMethod method) {
        return user.credentialManager().getStoredCredentialsByTypeStream(SecondFactorMethods.credentialType(method))
                .sorted(Comparator.comparing(CredentialModel::getCreatedDate,
                        Comparator.nullsLast(Comparator.naturalOrder())));
    }

    private static String time(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
