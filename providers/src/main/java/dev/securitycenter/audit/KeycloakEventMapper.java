package dev.securitycenter.audit;

import dev.securitycenter.audit.AuditEvent.UserRef;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Keycloak's own user and admin events into audit events. Keycloak sends both a current and a deprecated
 * event for credential changes (UPDATE_CREDENTIAL and UPDATE_PASSWORD/UPDATE_TOTP); only the current one is
 * mapped, so nothing is recorded twice.
 */
public final class KeycloakEventMapper {

    private static final Pattern RESET_PASSWORD = Pattern.compile("users/([^/]+)/reset-password");
    private static final Pattern UNLOCK_USER = Pattern.compile("attack-detection/brute-force/users/([^/]+)");
    private static final String UNLOCK_ALL = "attack-detection/brute-force/users";
    private static final Pattern SESSION = Pattern.compile("sessions/([^/]+)");
    private static final Pattern LOGOUT_USER = Pattern.compile("users/([^/]+)/logout");

    /** Resolves (realmId, userId) to a user reference, or null when the user does not exist. */
    private final BiFunction<String, String, UserRef> users;
    /** Resolves (realmId, sessionId) to the reference of the session's user, or null when it is not found. */
    private final BiFunction<String, String, UserRef> sessionUsers;
    /**
     * Whether the user session (realmId, sessionId) was signed into with a recovery code, as the note the code's
     * step left in it says until the sign-in's end has been told ({@link SignInMethod#RECOVERY_CODE_NOTE}).
     */
    private final BiPredicate<String, String> recoveryCodeSessions;

    public KeycloakEventMapper(BiFunction<String, String, UserRef> users,
                               BiFunction<String, String, UserRef> sessionUsers,
                               BiPredicate<String, String> recoveryCodeSessions) {
        this.users = users;
        this.sessionUsers = sessionUsers;
        this.recoveryCodeSessions = recoveryCodeSessions;
    }

    public Optional<AuditEvent> map(Event event) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        UserRef user = event.getUserId() == null ? null : users.apply(event.getRealmId(), event.getUserId());
        return switch (event.getType()) {
            case LOGIN -> Optional.of(userEvent(AuditEventType.LOGIN_SUCCEEDED, event, user, user,
                    loginSucceeded(details, usedRecoveryCode(event))));
            case LOGIN_ERROR -> Optional.of(loginFailed(event, user, details));
            case USER_DISABLED_BY_TEMPORARY_LOCKOUT, USER_DISABLED_BY_PERMANENT_LOCKOUT ->
                    Optional.of(userEvent(AuditEventType.ACCOUNT_LOCKED, event, user, null, lockDetails(event, details)));
            case UPDATE_CREDENTIAL -> credentialUpdated(details.get(Details.CREDENTIAL_TYPE))
                    .map(type -> userEvent(type, event, user, user, secondFactorMethod(
                            details.get(Details.CREDENTIAL_TYPE)).<Map<String, Object>>map(m -> Map.of("method", m))
                            .orElse(Map.of())));
            case REMOVE_CREDENTIAL -> secondFactorMethod(details.get(Details.CREDENTIAL_TYPE))
                    .map(method -> userEvent(AuditEventType.TWO_FACTOR_DISABLED, event, user, user,
                            Map.of("method", method)));
            default -> Optional.empty();
        };
    }

    public Optional<AuditEvent> map(AdminEvent event) {
        String path = event.getResourcePath() == null ? "" : event.getResourcePath();
        UserRef actor = event.getAuthDetails() == null || event.getAuthDetails().getUserId() == null ? null
                : users.apply(event.getAuthDetails().getRealmId(), event.getAuthDetails().getUserId());
        String ip = event.getAuthDetails() == null ? null : event.getAuthDetails().getIpAddress();
        String client = event.getAuthDetails() == null ? null : event.getAuthDetails().getClientId();
        if (event.getResourceType() == ResourceType.USER && event.getOperationType() == OperationType.ACTION) {
            Matcher logout = LOGOUT_USER.matcher(path);
            if (logout.matches()) {
                return Optional.of(new AuditEvent(AuditEventType.SESSION_REVOKED,
                        userOrId(event.getRealmId(), logout.group(1)), actor, client, ip,
                        Map.of("byAdmin", true, "allSessions", true), event.getTime()));
            }
            Matcher reset = RESET_PASSWORD.matcher(path);
            if (reset.matches()) {
                return Optional.of(new AuditEvent(AuditEventType.PASSWORD_CHANGED,
                        userOrId(event.getRealmId(), reset.group(1)), actor, client, ip,
                        Map.of("byAdmin", true), event.getTime()));
            }
        }
        if (event.getResourceType() == ResourceType.USER_SESSION
                && event.getOperationType() == OperationType.DELETE) {
            Matcher ended = SESSION.matcher(path);
            if (ended.matches()) {
                return Optional.of(new AuditEvent(AuditEventType.SESSION_REVOKED,
                        sessionUsers.apply(event.getRealmId(), ended.group(1)), actor, client, ip,
                        Map.of("byAdmin", true, "sessionId", ended.group(1)), event.getTime()));
            }
        }
        if (event.getResourceType() == ResourceType.USER_LOGIN_FAILURE
                && event.getOperationType() == OperationType.DELETE) {
            Matcher unlock = UNLOCK_USER.matcher(path);
            if (unlock.matches()) {
                return Optional.of(new AuditEvent(AuditEventType.ACCOUNT_UNLOCKED,
                        userOrId(event.getRealmId(), unlock.group(1)), actor, client, ip, Map.of(), event.getTime()));
            }
            if (UNLOCK_ALL.equals(path)) {
                return Optional.of(new AuditEvent(AuditEventType.ACCOUNT_UNLOCKED, null, actor, client, ip,
                        Map.of("allUsers", true), event.getTime()));
            }
        }
        return Optional.empty();
    }

    private UserRef userOrId(String realmId, String userId) {
        UserRef user = users.apply(realmId, userId);
        return user != null ? user : new UserRef(userId, null);
    }

    private static Optional<AuditEventType> credentialUpdated(String credentialType) {
        if (PasswordCredentialModel.TYPE.equals(credentialType)) {
            return Optional.of(AuditEventType.PASSWORD_CHANGED);
        }
        if (secondFactorMethod(credentialType).isPresent()) {
            return Optional.of(AuditEventType.TWO_FACTOR_ENABLED);
        }
        if (RecoveryAuthnCodesCredentialModel.TYPE.equals(credentialType) || SecondFactorCredentials.RECOVERY_CODES.equals(credentialType)) {
            return Optional.of(AuditEventType.RECOVERY_CODES_REGENERATED);
        }
        return Optional.empty();
    }

    /** The policy's name of a second-factor credential type (TOTP, SMS, EMAIL, PASSKEY) for the audit details. */
    private static Optional<String> secondFactorMethod(String credentialType) {
        if (OTPCredentialModel.TYPE.equals(credentialType)) {
            return Optional.of("TOTP");
        }
        if (SecondFactorCredentials.SMS.equals(credentialType)) {
            return Optional.of("SMS");
        }
        if (SecondFactorCredentials.EMAIL.equals(credentialType)) {
            return Optional.of("EMAIL");
        }
        if (WebAuthnCredentialModel.TYPE_PASSWORDLESS.equals(credentialType)) {
            return Optional.of("PASSKEY");
        }
        return Optional.empty();
    }

    /**
     * Required actions after the code (a new password, an enrolment) end the sign-in in a later request, whose event
     * no longer carries the code step's detail; the user session's note still tells.
     */
    private boolean usedRecoveryCode(Event event) {
        return event.getSessionId() != null && recoveryCodeSessions.test(event.getRealmId(), event.getSessionId());
    }

    private static Map<String, Object> loginSucceeded(Map<String, String> details, boolean usedRecoveryCode) {
        Map<String, Object> audit = new LinkedHashMap<>();
        if (usedRecoveryCode && !details.containsKey(SignInMethod.DETAIL)) {
            audit.put("method", SignInMethod.RECOVERY_CODE);
        } else if (details.containsKey(SignInMethod.DETAIL)) {
            audit.put("method", details.get(SignInMethod.DETAIL));
            if (details.containsKey(SignInMethod.CREDENTIAL_DETAIL)) {
                audit.put(SignInMethod.CREDENTIAL_ID, details.get(SignInMethod.CREDENTIAL_DETAIL));
            }
        }
        SecondFactorChallenge.of(details).ifPresent(method -> audit.put(SecondFactorChallenge.AUDIT_DETAIL, method));
        return audit;
    }

    private static AuditEvent loginFailed(Event event, UserRef user, Map<String, String> details) {
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("error", event.getError());
        if (user == null && details.get(Details.USERNAME) != null) {
            audit.put("attemptedUsername", details.get(Details.USERNAME));
        }
        SecondFactorChallenge.of(details).ifPresent(method -> audit.put(SecondFactorChallenge.AUDIT_DETAIL, method));
        return userEvent(AuditEventType.LOGIN_FAILED, event, user, null, audit);
    }

    private static Map<String, Object> lockDetails(Event event, Map<String, String> details) {
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("permanent", event.getType().name().contains("PERMANENT"));
        if (details.get(Details.NUM_FAILURES) != null) {
            audit.put("failures", Integer.valueOf(details.get(Details.NUM_FAILURES)));
        }
        if (details.get(Details.NOT_BEFORE) != null) {
            // Keycloak writes the server's local date-time here, not an instant
            audit.put("lockedUntilLocal", details.get(Details.NOT_BEFORE));
        }
        return audit;
    }

    private static AuditEvent userEvent(AuditEventType type, Event event, UserRef subject, UserRef actor,
                                        Map<String, Object> details) {
        return new AuditEvent(type, subject, actor, event.getClientId(), event.getIpAddress(), details,
                event.getTime());
    }
}
