package dev.securitycenter.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.ArrayList;
import java.util.List;

/**
 * What saving a policy would do to people, counted on the server: the spec's inline warnings and confirmations
 * with real numbers, each counted by the capability that owns the section. Nothing is changed.
 */
public final class PolicyPreview {

    /** One consequence: a stable {@code code} for the console, how many it touches, and the spec's text. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Warning(String code, long count, String message) {

        /** "1 user has" or "3 users have": people read these sentences, and "1 users" reads as a bug. */
        public static String counted(long count, String one, String many) {
            return count + " " + (count == 1 ? one : many);
        }
    }

    private final KeycloakSession session;

    public PolicyPreview(KeycloakSession session) {
        this.session = session;
    }

    public List<Warning> warnings(RealmModel realm, SecurityPolicy current, SecurityPolicy next, String callerAddress) {
        List<Warning> warnings = new ArrayList<>();
        PolicyContributions.all(session).forEach(contribution ->
                warnings.addAll(contribution.warnings(session, realm, current, next, callerAddress)));
        return warnings;
    }
}
