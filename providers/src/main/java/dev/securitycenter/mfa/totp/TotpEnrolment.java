package dev.securitycenter.mfa.totp;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.securitycenter.audit.SelfServiceCredentialEvents;
import dev.securitycenter.flow.SecretCheck;
import dev.securitycenter.mfa.recovery.RecoveryCodes;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.Base32;
import org.keycloak.models.utils.CredentialValidation;
import org.keycloak.models.utils.HmacOTP;
import org.keycloak.utils.CredentialHelper;
import org.keycloak.utils.TotpUtils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Self-service authenticator-app set-up: a pending secret (with its otpauth URI and QR code) that becomes the
 * user's Keycloak OTP credential only once a code computed from it is entered, under the realm's OTP policy
 * (algorithm, digits, period, look-ahead). The user's recovery codes are issued at that moment, unless they already
 * hold unused ones (made while they signed in with a passkey, phone or email): codes belong to the account, not to
 * a method, so the set the user saved goes on working and none is returned.
 */
public final class TotpEnrolment {

    public static final int DEFAULT_TTL_SECONDS = 600;
    private static final int SECRET_LENGTH = 20;
    private static final String LABEL = "Authenticator app";

    @JsonPropertyOrder({"secret", "otpauthUri", "qrCode", "expiresAt"})
    public record Pending(String secret, String otpauthUri, String qrCode, String expiresAt) {
    }

    public sealed interface Outcome {
    }

    /** {@code recoveryCodes}: the new set, or empty when the user kept theirs. */
    public record Enabled(List<String> recoveryCodes) implements Outcome {
    }

    /** No pending secret: never started, or older than its time to live. */
    public record Expired() implements Outcome {
    }

    public record WrongCode() implements Outcome {
    }

    public record Locked() implements Outcome {
    }

    public record AlreadyEnabled() implements Outcome {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final int ttlSeconds;

    public TotpEnrolment(KeycloakSession session, RealmModel realm, int ttlSeconds) {
        this.session = session;
        this.realm = realm;
        this.ttlSeconds = ttlSeconds;
    }

    public Optional<Pending> start(UserModel user) {
        if (hasTotp(user)) {
            return Optional.empty();
        }
        String secret = HmacOTP.generateSecret(SECRET_LENGTH);
        Instant expires = new PendingTotpSecrets(session).put(user, secret, ttlSeconds);
        return Optional.of(new Pending(
                Base32.encode(secret.getBytes(StandardCharsets.UTF_8)),
                realm.getOTPPolicy().getKeyURI(realm, user, secret),
                "data:image/png;base64," + TotpUtils.qrCode(session, secret, realm, user),
                expires.toString()));
    }

    public Outcome verify(UserModel user, SelfServiceCredentialEvents events, String code) {
        if (hasTotp(user)) {
            return new AlreadyEnabled();
        }
        PendingTotpSecrets pending = new PendingTotpSecrets(session);
        Optional<String> secret = pending.get(user);
        if (secret.isEmpty()) {
            return new Expired();
        }
        OTPCredentialModel credential = OTPCredentialModel.createFromPolicy(realm, secret.get(), LABEL);
        SecretCheck.Result result = new SecretCheck(session, realm).check(user, OTPCredentialModel.TYPE,
                () -> code != null
                        && CredentialValidation.validOTP(code, credential, realm.getOTPPolicy().getLookAheadWindow())
                        && CredentialHelper.createOTPCredential(session, realm, user, code, credential));
        if (result == SecretCheck.Result.LOCKED) {
            return new Locked();
        }
        if (result == SecretCheck.Result.WRONG) {
            return new WrongCode();
        }
        pending.remove(user);
        user.removeRequiredAction(UserModel.RequiredAction.CONFIGURE_TOTP);
        RecoveryCodes recovery = new RecoveryCodes(session, realm);
        List<String> codes = recovery.remaining(user) > 0 ? List.of() : recovery.generate(user);
        // the audit log records auth.2fa_enabled from this event
        events.updated(OTPCredentialModel.TYPE);
        return new Enabled(codes);
    }

    private static boolean hasTotp(UserModel user) {
        return user.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE);
    }
}
