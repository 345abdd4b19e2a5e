package dev.securitycenter.policy;

import org.keycloak.Config;
import org.keycloak.userprofile.DeclarativeUserProfileProviderFactory;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether the server keeps users and admins from rewriting the records the extension keeps on each user (password
 * compliance, the breach-check mark, known devices and places, prompt and reminder dates, notification choices):
 * user attributes named {@value PolicyAttributes#PREFIX}…, which no realm's user profile declares. A realm whose
 * user profile lets users (or admins) edit undeclared attributes would let them rewrite those records, e.g. mark a
 * breached password as checked. Keycloak makes attributes read-only for every profile update (account console and
 * API, admin console and API, update-profile page) only through two options of its user-profile provider, which
 * {@link #OPTIONS} names; the extension's own writes do not go through the profile and are unaffected.
 */
public final class UserRecordProtection {

    /** The user-profile options, each of which must cover the prefix (e.g. {@code securityCenter.*}). */
    public static final List<String> OPTIONS = List.of("read-only-attributes", "admin-read-only-attributes");
    /** Where Keycloak's declarative user profile reads them: {@code --spi-user-profile--declarative-user-profile--…}. */
    public static final String[] SCOPE = {"userProfile", "declarative-user-profile"};
    /** A name no record has, so only a pattern covering every record's name matches it. */
    private static final String ANY_RECORD = PolicyAttributes.PREFIX + "anyRecordOfALaterRelease";

    private UserRecordProtection() {
    }

    /** The options of the server's user-profile configuration that leave the records writable; empty when none. */
    public static List<String> unprotectedBy(Config.Scope userProfile) {
        return OPTIONS.stream().filter(option -> !covers(userProfile.getArray(option))).toList();
    }

    /** Read as Keycloak reads the option: comma-separated names, a trailing {@code *} for a prefix. */
    private static boolean covers(String[] names) {
        Pattern pattern = DeclarativeUserProfileProviderFactory.getRegexPatternString(names);
        return pattern != null && pattern.matcher(ANY_RECORD).find();
    }
}
