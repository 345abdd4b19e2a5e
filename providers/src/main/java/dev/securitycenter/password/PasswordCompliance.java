package dev.securitycenter.password;

import dev.securitycenter.policy.PasswordRules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which of the policy's option levels a password meets: the highest length option it reaches (8, 10, 12, 14, 16,
 * 20, or 0 below 8) and its character classes. This is all the extension keeps about a password (never the
 * password, a hash of it, or its exact length), so that a stronger policy's impact can be counted.
 */
public record PasswordCompliance(int lengthLevel, Set<CharacterClass> classes) {

    public enum CharacterClass {
        UPPER('U'), LOWER('L'), DIGIT('D'), SPECIAL('S');

        private final char code;

        CharacterClass(char code) {
            this.code = code;
        }
    }

    static final int[] LENGTH_LEVELS = {8, 10, 12, 14, 16, 20};

    public static PasswordCompliance of(String password) {
        int length = password.codePointCount(0, password.length());
        int level = 0;
        for (int option : LENGTH_LEVELS) {
            if (length >= option) {
                level = option;
            }
        }
        Set<CharacterClass> classes = EnumSet.noneOf(CharacterClass.class);
        password.codePoints().forEach(c -> {
            if (Character.isUpperCase(c)) {
                classes.add(CharacterClass.UPPER);
            } else if (Character.isLowerCase(c)) {
                classes.add(CharacterClass.LOWER);
            } else if (Character.isDigit(c)) {
                classes.add(CharacterClass.DIGIT);
            } else if (!Character.isLetterOrDigit(c)) {
                // as Keycloak's specialChars policy counts them
                classes.add(CharacterClass.SPECIAL);
            }
        });
        return new PasswordCompliance(level, classes);
    }

    /** Whether a password of these levels satisfies the rules' length and classes. */
    public boolean meets(PasswordRules rules) {
        return (rules.minLength() == null || lengthLevel >= rules.minLength())
                && (!rules.requireUppercase() || classes.contains(CharacterClass.UPPER))
                && (!rules.requireLowercase() || classes.contains(CharacterClass.LOWER))
                && (!rules.requireDigits() || classes.contains(CharacterClass.DIGIT))
                && (!rules.requireSpecial() || classes.contains(CharacterClass.SPECIAL));
    }

    /** {@code "12:ULD"}: the stored form. */
    public String encode() {
        StringBuilder text = new StringBuilder().append(lengthLevel).append(':');
        for (CharacterClass c : CharacterClass.values()) {
            if (classes.contains(c)) {
                text.append(c.code);
            }
        }
        return text.toString();
    }

    /** Every stored form that meets the rules, to count the others in the database. */
    public static List<String> encodingsMeeting(PasswordRules rules) {
        List<String> encodings = new ArrayList<>();
        int[] levels = {0, 8, 10, 12, 14, 16, 20};
        CharacterClass[] all = CharacterClass.values();
        for (int level : levels) {
            for (int mask = 0; mask < 1 << all.length; mask++) {
                Set<CharacterClass> classes = EnumSet.noneOf(CharacterClass.class);
                for (int i = 0; i < all.length; i++) {
                    if ((mask & 1 << i) != 0) {
                        classes.add(all[i]);
                    }
                }
                PasswordCompliance candidate = new PasswordCompliance(level, classes);
                if (candidate.meets(rules)) {
                    encodings.add(candidate.encode());
                }
            }
        }
        return encodings;
    }
}
