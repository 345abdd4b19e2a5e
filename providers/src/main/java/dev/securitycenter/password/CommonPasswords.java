package dev.securitycenter.password;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The bundled list of common passwords (zxcvbn-ts's frequency list, about 49,000 entries, fetched at build time).
 * A password is common when, lower-cased, it is on the list either whole or without the digits and symbols people
 * append to meet a complexity rule ("Password123!" is "password"). One set per JVM, loaded at the first check
 * (a few MB of heap): every node carries the same list in its jar, so nodes agree without sharing state.
 */
public final class CommonPasswords {

    static final String RESOURCE = "common-passwords.json";

    private CommonPasswords() {
    }

    public static boolean isCommon(String password) {
        return isOn(Loaded.SET, password);
    }

    /** Whether a password is on a list of lower-case words, whole or without what was appended to a word. */
    static boolean isOn(Set<String> list, String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (list.contains(lower)) {
            return true;
        }
        String base = withoutTrailingDigitsAndSymbols(lower);
        return !base.isEmpty() && list.contains(base);
    }

    static int size() {
        return Loaded.SET.size();
    }

    /** How a list word is compared: lower case, without trailing digits and symbols unless that leaves nothing. */
    static String matchKey(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        String base = withoutTrailingDigitsAndSymbols(lower);
        return base.isEmpty() ? lower : base;
    }

    static String withoutTrailingDigitsAndSymbols(String password) {
        int end = password.length();
        while (end > 0) {
            int c = password.codePointBefore(end);
            if (Character.isLetter(c)) {
                break;
            }
            end -= Character.charCount(c);
        }
        return password.substring(0, end);
    }

    /** Loaded by the JVM when first used, exactly once (class initialisation is thread-safe). */
    private static final class Loaded {
        static final Set<String> SET = load();

        private static Set<String> load() {
            try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the providers jar");
                }
                JsonNode passwords = new ObjectMapper().readTree(in);
                Set<String> set = new HashSet<>(passwords.size() * 2);
                for (JsonNode password : passwords) {
                    set.add(password.asText().toLowerCase(Locale.ROOT));
                }
                return Set.copyOf(set);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
