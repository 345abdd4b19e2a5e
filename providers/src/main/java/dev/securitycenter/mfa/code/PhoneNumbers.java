package dev.securitycenter.mfa.code;

import dev.securitycenter.mfa.factor.CodeChannel;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** The verified phone number, kept in the SMS credential's data; and what a phone number may look like. */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    public static Optional<String> of(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(CodeChannel.SMS.credentialType())
                .findFirst()
                .map(CredentialModel::getCredentialData)
                .map(PhoneNumbers::read);
    }

    static String data(String phoneNumber) {
        try {
            return JsonSerialization.writeValueAsString(Map.of("phoneNumber", phoneNumber));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String json) {
        try {
            return String.valueOf(JsonSerialization.readValue(json, Map.class).get("phoneNumber"));
        } catch (IOException e) {
            return null;
        }
    }

    /** E.164 after dropping spaces, dots, dashes and brackets: "+1 (555) 123-4567" becomes "+15551234567". */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String compact = typed.replaceAll("[\\s().-]", "");
        return compact.matches("\\+[1-9][0-9]{6,14}") ? Optional.of(compact) : Optional.empty();
    }
}
