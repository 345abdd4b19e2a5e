package dev.securitycenter.mfa.code;

import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.JsonSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Keeps the code of one purpose (sign-in by SMS, phone enrolment, ...) in the authentication session's notes, which
 * Keycloak replicates across the cluster, so the node that checks the code need not be the one that sent it.
 */
public final class CodeNotes {

    private final AuthenticationSessionModel authSession;
    private final String note;

    public CodeNotes(AuthenticationSessionModel authSession, String purpose) {
        this.authSession = authSession;
        this.note = "security-center.code." + purpose;
    }

    public Optional<IssuedCode> current() {
        String json = authSession.getAuthNote(note);
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonSerialization.readValue(json, IssuedCode.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void save(IssuedCode code) {
        try {
            authSession.setAuthNote(note, JsonSerialization.writeValueAsString(code));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void clear() {
        authSession.removeAuthNote(note);
    }
}
