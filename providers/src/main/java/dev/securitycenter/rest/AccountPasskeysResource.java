package dev.securitycenter.rest;

import dev.securitycenter.mfa.OwnSecondFactors;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.KeycloakSession;

import java.util.Map;
import java.util.Set;

/**
 * {@code /account/mfa/passkeys/{id}}: renaming and removing one of the caller's own passkeys. Any id that is not
 * one of the caller's passkeys (unknown, another user's, or another kind of credential) is the same 404. Passkeys
 * are added through Keycloak's own registration (required action {@code webauthn-register-passwordless}, started
 * by the account console with {@code kc_action}).
 */
@Produces(MediaType.APPLICATION_JSON)
public class AccountPasskeysResource {

    private static final String LABEL = "label";

    private final KeycloakSession session;
    private final AccountCaller caller;
    private final String id;

    AccountPasskeysResource(KeycloakSession session, AccountCaller caller, String id) {
        this.session = session;
        this.caller = caller;
        this.id = id;
    }

    @POST
    @Path("label")
    @Consumes(MediaType.APPLICATION_JSON)
    public OwnSecondFactors.Factor rename(String body) {
        caller.requireManage();
        String label = StrictJsonBody.read(body, Set.of(LABEL)).text(LABEL);
        String trimmed = label == null ? "" : label.strip();
        if (trimmed.isEmpty()) {
            throw ApiErrors.badRequest(LABEL, "Enter a name for this passkey.");
        }
        if (trimmed.length() > OwnSecondFactors.LABEL_MAX) {
            throw ApiErrors.badRequest(LABEL, "must be at most " + OwnSecondFactors.LABEL_MAX + " characters");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw ApiErrors.badRequest(LABEL, "must not contain control characters");
        }
        return factors().renamePasskey(id, trimmed).orElseThrow(NotFoundException::new);
    }

    /**
     * Removing a passkey needs a recent sign-in, as adding a factor does (the console sends the user through
     * Keycloak's sign-in again); the last factor of a user the policy requires 2FA of is kept (409).
     */
    @DELETE
    public Map<String, Boolean> remove() {
        caller.requireManage();
        OwnSecondFactors factors = factors();
        if (factors.passkey(id).isEmpty()) {
            throw new NotFoundException();
        }
        if (factors.isLastRequiredFactor(id)) {
            throw lastFactor();
        }
        RecentSignIn.require(caller.realm(), caller.userSession());
        return switch (factors.removePasskey(id, caller.credentialEvents(session))) {
            case REMOVED -> Map.of("removed", true);
            case NOT_FOUND -> throw new NotFoundException();
            case LAST_FACTOR -> throw lastFactor();
        };
    }

    private static RuntimeException lastFactor() {
        return ApiErrors.conflict("id", "Your organisation requires two-factor authentication and this is your last"
                + " way to provide it. Add another passkey or factor first.");
    }

    private OwnSecondFactors factors() {
        return new OwnSecondFactors(session, caller.realm(), caller.user());
    }
}
