package dev.securitycenter.audit;

import dev.securitycenter.audit.AuditEvent.UserRef;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeycloakEventMapperTest {

    private final KeycloakEventMapper mapper = new KeycloakEventMapper((realmId, userId) ->
            "u1".equals(userId) ? new UserRef("u1", "jsmith") : "a1".equals(userId) ? new UserRef("a1", "admin") : null,
            (realmId, sessionId) -> "s1".equals(sessionId) ? new UserRef("u1", "jsmith") : null,
            (realmId, sessionId) -> "recovered".equals(sessionId));

    @Test
    void deprecatedCredentialEventsAreNotMappedSoNothingIsRecordedTwice() {
        assertTrue(mapper.map(event(EventType.UPDATE_PASSWORD, Map.of())).isEmpty());
        assertTrue(mapper.map(event(EventType.UPDATE_TOTP, Map.of())).isEmpty());
        assertTrue(mapper.map(event(EventType.REMOVE_TOTP, Map.of())).isEmpty());
        assertEquals(AuditEventType.PASSWORD_CHANGED,
                mapper.map(event(EventType.UPDATE_CREDENTIAL, Map.of("credential_type", "password"))).orElseThrow().type());
        assertEquals(AuditEventType.TWO_FACTOR_ENABLED,
                mapper.map(event(EventType.UPDATE_CREDENTIAL, Map.of("credential_type", "otp"))).orElseThrow().type());
        assertEquals(AuditEventType.RECOVERY_CODES_REGENERATED, mapper.map(event(EventType.UPDATE_CREDENTIAL,
                Map.of("credential_type", "recovery-authn-codes"))).orElseThrow().type());
        assertTrue(mapper.map(event(EventType.UPDATE_CREDENTIAL, Map.of("credential_type", "webauthn"))).isEmpty());
    }

    @Test
    void aSecondFactorSetUpNamesItsMethodLikeItsRemoval() {
        assertEquals(Map.of("method", "TOTP"), mapper.map(event(EventType.UPDATE_CREDENTIAL,
                Map.of("credential_type", "otp"))).orElseThrow().details());
        assertEquals(Map.of("method", "TOTP"), mapper.map(event(EventType.REMOVE_CREDENTIAL,
                Map.of("credential_type", "otp"))).orElseThrow().details());
        assertEquals(Map.of(), mapper.map(event(EventType.UPDATE_CREDENTIAL,
                Map.of("credential_type", "password"))).orElseThrow().details());
    }

    @Test
    void aPasskeySignInNamesTheMethodAndThePasskeyThatSigned() {
        assertEquals(Map.of("method", "passkey", "credentialId", "c1"), mapper.map(event(EventType.LOGIN,
                Map.of(SignInMethod.DETAIL, "passkey", SignInMethod.CREDENTIAL_DETAIL, "c1",
                        "public_key_credential_id", "AAEC"))).orElseThrow().details());
        assertEquals(Map.of("method", "passkey"), mapper.map(event(EventType.LOGIN,
                Map.of(SignInMethod.DETAIL, "passkey"))).orElseThrow().details());
        assertEquals(Map.of(), mapper.map(event(EventType.LOGIN, Map.of(SignInMethod.CREDENTIAL_DETAIL, "c1")))
                .orElseThrow().details(), "a credential id alone says nothing about the method");
    }

    @Test
    void aSignInEndedAfterARecoveryCodeNamesTheCodeByItsSessionsNote() {
        Event afterRequiredAction = event(EventType.LOGIN, Map.of());
        afterRequiredAction.setSessionId("recovered");
        assertEquals(Map.of("method", "recovery_code"), mapper.map(afterRequiredAction).orElseThrow().details());
        Event inTheCodesRequest = event(EventType.LOGIN, Map.of(SignInMethod.DETAIL, "recovery_code"));
        inTheCodesRequest.setSessionId("recovered");
        assertEquals(Map.of("method", "recovery_code"), mapper.map(inTheCodesRequest).orElseThrow().details());
        Event other = event(EventType.LOGIN, Map.of());
        other.setSessionId("s1");
        assertEquals(Map.of(), mapper.map(other).orElseThrow().details());
    }

    @Test
    void lockoutKeepsTheFailureCountAndWhetherItIsPermanent() {
        AuditEvent locked = mapper.map(event(EventType.USER_DISABLED_BY_PERMANENT_LOCKOUT,
                Map.of("num_failures", "5"))).orElseThrow();
        assertEquals(AuditEventType.ACCOUNT_LOCKED, locked.type());
        assertEquals(true, locked.details().get("permanent"));
        assertEquals(5, locked.details().get("failures"));
        assertNull(locked.actor(), "nobody chose to lock the account");
    }

    @Test
    void failedSignInOfAnUnknownUserKeepsWhatWasTyped() {
        Event event = event(EventType.LOGIN_ERROR, Map.of("username", "ghost"));
        event.setUserId(null);
        event.setError("user_not_found");
        AuditEvent failed = mapper.map(event).orElseThrow();
        assertNull(failed.subject());
        assertEquals("ghost", failed.details().get("attemptedUsername"));
    }

    @Test
    void aSignInNamesTheSecondFactorAnsweredInItsRequest() {
        assertEquals(Map.of("secondFactor", "TOTP"), mapper.map(event(EventType.LOGIN,
                Map.of(SecondFactorChallenge.DETAIL, "TOTP"))).orElseThrow().details());
        Event wrongCode = event(EventType.LOGIN_ERROR, Map.of(SecondFactorChallenge.DETAIL, "RECOVERY_CODE"));
        wrongCode.setError("invalid_user_credentials");
        assertEquals(Map.of("error", "invalid_user_credentials", "secondFactor", "RECOVERY_CODE"),
                mapper.map(wrongCode).orElseThrow().details());
        assertEquals(Map.of("method", "passkey"), mapper.map(event(EventType.LOGIN,
                Map.of(SignInMethod.DETAIL, "passkey"))).orElseThrow().details());
        assertEquals(Map.of(), mapper.map(event(EventType.LOGIN, Map.of())).orElseThrow().details());
    }

    @Test
    void aSecondFactorNameOutsideTheKnownMethodsIsNotRecorded() {
        assertEquals(Map.of(), mapper.map(event(EventType.LOGIN,
                Map.of(SecondFactorChallenge.DETAIL, "carrier-pigeon"))).orElseThrow().details());
    }

    @Test
    void adminUnlockAndPasswordResetNameTheUserAndTheAdmin() {
        AuditEvent unlock = mapper.map(adminEvent(ResourceType.USER_LOGIN_FAILURE, OperationType.DELETE,
                "attack-detection/brute-force/users/u1")).orElseThrow();
        assertEquals(AuditEventType.ACCOUNT_UNLOCKED, unlock.type());
        assertEquals("jsmith", unlock.subject().username());
        assertEquals("admin", unlock.actor().username());

        AuditEvent reset = mapper.map(adminEvent(ResourceType.USER, OperationType.ACTION,
                "users/u1/reset-password")).orElseThrow();
        assertEquals(AuditEventType.PASSWORD_CHANGED, reset.type());

        Optional<AuditEvent> otherAction = mapper.map(adminEvent(ResourceType.USER, OperationType.ACTION,
                "users/u1/execute-actions-email"));
        assertTrue(otherAction.isEmpty());
    }

    @Test
    void sessionsEndedThroughKeycloaksAdminApiAreRevokedByAnAdmin() {
        AuditEvent one = mapper.map(adminEvent(ResourceType.USER_SESSION, OperationType.DELETE, "sessions/s1"))
                .orElseThrow();
        assertEquals(AuditEventType.SESSION_REVOKED, one.type());
        assertEquals("jsmith", one.subject().username());
        assertEquals("admin", one.actor().username());
        assertEquals(Map.of("byAdmin", true, "sessionId", "s1"), one.details());

        AuditEvent all = mapper.map(adminEvent(ResourceType.USER, OperationType.ACTION, "users/u1/logout"))
                .orElseThrow();
        assertEquals(AuditEventType.SESSION_REVOKED, all.type());
        assertEquals("jsmith", all.subject().username());
        assertEquals(Map.of("byAdmin", true, "allSessions", true), all.details());
    }

    private static Event event(EventType type, Map<String, String> details) {
        Event event = new Event();
        event.setType(type);
        event.setRealmId("r1");
        event.setUserId("u1");
        event.setClientId("account-console");
        event.setIpAddress("10.0.0.1");
        event.setTime(1L);
        event.setDetails(details);
        return event;
    }

    private static AdminEvent adminEvent(ResourceType resource, OperationType operation, String path) {
        AdminEvent event = new AdminEvent();
        event.setRealmId("r1");
        event.setResourceType(resource);
        event.setOperationType(operation);
        event.setResourcePath(path);
        AuthDetails auth = new AuthDetails();
        auth.setRealmId("master");
        auth.setUserId("a1");
        auth.setIpAddress("10.0.0.9");
        event.setAuthDetails(auth);
        return event;
    }
}
