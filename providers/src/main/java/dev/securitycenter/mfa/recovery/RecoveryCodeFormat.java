package dev.securitycenter.mfa.recovery;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a recovery code looks like: 12 characters from an alphabet without look-alikes (0/O, 1/I/L), shown in
 * groups of four. About 59 random bits each, so a salted fast hash is enough to store them and guessing one at sign-in
 * is hopeless before the brute-force protector locks the account.
 */
public final class RecoveryCodeFormat {

    public static final int CODE_COUNT = 8;
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 12;
    private static final int GROUP = 4;

    private RecoveryCodeFormat() {
    }

    /** {@value #CODE_COUNT} fresh codes, as shown to the user (XXXX-XXXX-XXXX). */
    static List<String> generate(SecureRandom random) {
        List<String> codes = new ArrayList<>(CODE_COUNT);
        while (codes.size() < CODE_COUNT) {
            StringBuilder code = new StringBuilder(LENGTH + 2);
            for (int i = 0; i < LENGTH; i++) {
                if (i > 0 && i % GROUP == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (!codes.contains(code.toString())) {
                codes.add(code.toString());
            }
        }
        return codes;
    }

    /**
     * The canonical form of what a user typed: case, spaces and hyphens do not matter. Empty when it cannot be a
     * code at all.
     */
    static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String canonical = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (canonical.length() != LENGTH || !canonical.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(canonical);
    }
}
