package dev.securitycenter.password;

import dev.securitycenter.audit.SelfServiceCredentialEvents;
import dev.securitycenter.flow.SecretCheck;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.credential.PasswordCredentialModel;

import java.util.ArrayList;
import java.util.List;

/**
 * A user changing their own password: the current one proves it is them (a wrong one is a failed login for the
 * brute-force protector), the new one must pass every rule of the realm's password policy and match its
 * confirmation. The password is then set through Keycloak's credential manager; the caller ends the user's other
 * sessions (the sessions capability's job), so a {@link Changed} outcome must be followed by that.
 */
public final class PasswordChange {

    public sealed interface Outcome {
    }

    /** The user's sign-in is managed by an identity provider. */
    public record SsoManaged() implements Outcome {
    }

    /** Too many failed attempts: the brute-force protector has locked the user. */
    public record Locked() implements Outcome {
    }

    public record Refused(List<PasswordRuleViolation> violations) implements Outcome {
    }

    public record Changed() implements Outcome {
    }

    private final KeycloakSession session;
    private final RealmModel realm;

    public PasswordChange(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public Outcome change(UserModel user, UserSessionModel current, String clientId, PasswordChangeRequest request) {
        if (SsoManagedPassword.isManaged(session, realm, user)) {
            return new SsoManaged();
        }
        List<PasswordRuleViolation> missing = missingFields(request);
        if (!missing.isEmpty()) {
            return new Refused(missing);
        }
        SecretCheck.Result proof = new SecretCheck(session, realm).check(user, PasswordCredentialModel.TYPE,
                () -> user.credentialManager().isValid(UserCredentialModel.password(request.currentPassword())));
        if (proof == SecretCheck.Result.LOCKED) {
            return new Locked();
        }
        if (proof == SecretCheck.Result.WRONG) {
            return new Refused(List.of(new PasswordRuleViolation("currentPassword", "correct",
                    "The current password is not correct.")));
        }
        List<PasswordRuleViolation> violations = new ArrayList<>(
                new PasswordRuleCheck(session, realm).violations(user, request.newPassword()));
        if (!request.newPassword().equals(request.confirmation())) {
            violations.add(new PasswordRuleViolation("confirmation", "matches",
                    "The confirmation does not match the new password."));
        }
        if (!violations.isEmpty()) {
            return new Refused(violations);
        }
        try {
            user.credentialManager().updateCredential(UserCredentialModel.password(request.newPassword(), false));
        } catch (ModelException e) {
            // a rule that only the credential store itself knows (a federation provider's own policy)
            return new Refused(List.of(new PasswordRuleViolation(PasswordRuleCheck.FIELD, "policy",
                    e.getMessage())));
        }
        user.removeRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        // the audit log records auth.password_changed and the password's compliance levels from this event
        new SelfServiceCredentialEvents(session, realm, user, current, clientId).updated(PasswordCredentialModel.TYPE);
        return new Changed();
    }

    private static List<PasswordRuleViolation> missingFields(PasswordChangeRequest request) {
        List<PasswordRuleViolation> missing = new ArrayList<>();
        if (request == null || isEmpty(request.currentPassword())) {
            missing.add(required("currentPassword"));
        }
        if (request == null || isEmpty(request.newPassword())) {
            missing.add(required(PasswordRuleCheck.FIELD));
        }
        if (request == null || request.confirmation() == null) {
            missing.add(required("confirmation"));
        }
        return missing;
    }

    private static PasswordRuleViolation required(String field) {
        return new PasswordRuleViolation(field, "required", "This field is required.");
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }
}
