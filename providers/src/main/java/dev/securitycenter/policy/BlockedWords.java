package dev.securitycenter.policy;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code password.blockedWords}: the admin's own words (company and product names) no password may be. They are kept
 * as the value of the realm password policy's entry {@value #POLICY_ID}, comma-separated, so the stock console shows
 * them too. Keycloak splits its policy string at " and " and a value ends at ")", so a word is letters and digits
 * only (no spaces, commas or brackets).
 */
public final class BlockedWords {

    public static final String POLICY_ID = "securityCenterBlockedWords";
    public static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private BlockedWords() {
    }

    /** The words of a policy entry's value; an absent entry has none. */
    public static List<String> parse(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(word -> !word.isEmpty()).toList();
    }

    public static String format(List<String> words) {
        return String.join(",", words);
    }
}
