package dev.securitycenter.it.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Reads facts from the realm files the server imported, so tests and demo data cannot drift apart. */
final class RealmFiles {

    private RealmFiles() {
    }

    static String totpSecret(String realm, String username) {
        for (JsonNode user : realmFile(realm).get("users")) {
            if (!username.equals(user.get("username").asText())) {
                continue;
            }
            for (JsonNode credential : user.get("credentials")) {
                if ("otp".equals(credential.get("type").asText())) {
                    return json(credential.get("secretData").asText()).get("value").asText();
                }
            }
        }
        throw new IllegalArgumentException(username + " has no TOTP credential in realm " + realm);
    }

    static JsonNode realmFile(String realm) {
        try {
            return KeycloakApi.JSON.readTree(
                    Path.of(KeycloakServer.requiredProperty("it.realm.dir"), realm + "-realm.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return KeycloakApi.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
