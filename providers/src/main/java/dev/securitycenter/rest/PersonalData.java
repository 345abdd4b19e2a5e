package dev.securitycenter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.audit.AuditEventView;
import dev.securitycenter.lockout.LockedUser;

import java.util.Objects;
import java.util.Set;

/**
 * Leaves users' personal data (usernames, emails, addresses, attempted usernames) out of answers for callers who
 * may not see it. Admin answers follow Keycloak's user API: only callers who may view users see who they are
 * (the {@code view-users} role, or fine-grained user permissions where the realm uses them). Users see their own
 * activity, but not the name or address of an admin who acted on their account.
 */
final class PersonalData {

    /** What a user is shown instead of the admin who acted on their account. */
    static final String AN_ADMINISTRATOR = "an administrator";
    /** Detail keys that name a person or a place they connected from. */
    private static final Set<String> PERSONAL_DETAILS = Set.of("attemptedUsername", "lockedUsername", "username",
            "email", "ipAddress", "location");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PersonalData() {
    }

    /** The event with who and from where left out: what happened and when stays. */
    static AuditEventView withoutPersonalData(AuditEventView event) {
        return new AuditEventView(event.id(), event.time(), event.type(), event.userId(), null, event.actorId(), null,
                event.clientId(), null, withoutPersonalDetails(event.details()));
    }

    /** A lockout without the locked person: how many failures and until when stay. */
    static LockedUser withoutPersonalData(LockedUser locked) {
        return new LockedUser(null, null, null, locked.permanent(), locked.failures(), locked.lastFailure(), null,
                locked.until());
    }

    /** One of the user's own events: another person who acted on the account is "an administrator". */
    static AuditEventView asSeenBySubject(AuditEventView event, String userId) {
        if (event.actorId() == null || Objects.equals(event.actorId(), userId)) {
            return event;
        }
        return new AuditEventView(event.id(), event.time(), event.type(), event.userId(), event.username(), null,
                AN_ADMINISTRATOR, event.clientId(), null, event.details());
    }

    private static String withoutPersonalDetails(String details) {
        if (details == null) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(details);
            if (!(node instanceof ObjectNode object) || PERSONAL_DETAILS.stream().noneMatch(object::has)) {
                return details;
            }
            object.remove(PERSONAL_DETAILS);
            return MAPPER.writeValueAsString(object);
        } catch (JsonProcessingException unreadable) {
            // the log only holds JSON it wrote itself; anything else is not shown rather than shown unfiltered
            return null;
        }
    }
}
