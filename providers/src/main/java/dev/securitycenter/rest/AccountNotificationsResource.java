package dev.securitycenter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitycenter.notify.OwnNotifications;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Iterator;
import java.util.Map;

/**
 * {@code /realms/{realm}/security-center/account/notifications}: the caller's own choice of security mails and the
 * browsers their account recognises.
 */
@Produces(MediaType.APPLICATION_JSON)
public class AccountNotificationsResource {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AccountCaller caller;

    AccountNotificationsResource(AccountCaller caller) {
        this.caller = caller;
    }

    @GET
    public OwnNotifications.View view() {
        caller.requireView();
        return own().view();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public OwnNotifications.View choose(String body) {
        caller.requireManage();
        if (!own().chooseNewSignIn(newSignIn(body))) {
            throw ApiErrors.conflict("newSignIn", "Your organisation does not send new sign-in emails.");
        }
        return own().view();
    }

    @DELETE
    @Path("devices/{id}")
    public Map<String, Boolean> forget(@PathParam("id") String id) {
        caller.requireManage();
        // the same 404 for an unknown id and for another user's: a user sees only their own devices
        if (!own().forgetDevice(id)) {
            throw new NotFoundException();
        }
        return Map.of("forgotten", true);
    }

    /** The body {@code {"newSignIn": true|false}}, nothing else. */
    private static boolean newSignIn(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiErrors.badRequest("", "is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw ApiErrors.badRequest("", "must be a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!"newSignIn".equals(name)) {
                throw ApiErrors.badRequest(name, "is not a field of this request");
            }
        }
        if (!root.path("newSignIn").isBoolean()) {
            throw ApiErrors.badRequest("newSignIn", "must be true or false");
        }
        return root.get("newSignIn").asBoolean();
    }

    private OwnNotifications own() {
        return new OwnNotifications(caller.realm(), caller.user());
    }
}
