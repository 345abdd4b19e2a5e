package dev.securitycenter.bench;

import dev.securitycenter.password.CommonPasswords;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One blocklist check as every set path and every sign-in makes it ({@code password.blockCommon}): a candidate
 * against the bundled list, whole and without what was appended to it. The candidates rotate through 1,024 of
 * three kinds in equal parts: list words dressed up to meet composition rules ("Password123!", refused), random
 * 16-character passwords (accepted) and passphrases of 64 to 100 characters (the longest the lower-casing and
 * stripping handle). The list is loaded in the set-up, so its one-off load is not timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CommonPasswordCheckBenchmark {

    private static final String[] COMMON_WORDS = {"password", "qwerty", "welcome", "dragon", "monkey", "letmein",
        "sunshine", "football", "iloveyou", "princess", "baseball", "superman", "trustno1", "p@ssw0rd"};
    private static final String[] SUFFIXES = {"123!", "2026", "@2026", "1!", "!!", "#1", "99$", "2025!"};
    private static final String ALPHABET =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*-_=+";
    private static final String[] PASSPHRASE_WORDS = {"kestrel", "harbour", "violet", "engine", "maple", "quorum",
        "tundra", "saffron", "lantern", "ferry", "quartz", "orbit", "canyon", "falcon", "cobalt", "juniper"};

    private String[] candidates;
    private int next;

    @Setup
    public void candidates() {
        Random random = new Random(42);
        candidates = new String[1024];
        int refused = 0;
        for (int i = 0; i < candidates.length; i++) {
            candidates[i] = switch (i % 3) {
                case 0 -> capitalised(COMMON_WORDS[random.nextInt(COMMON_WORDS.length)])
                        + SUFFIXES[random.nextInt(SUFFIXES.length)];
                case 1 -> randomPassword(random, 16);
                default -> passphrase(random, 64 + random.nextInt(37));
            };
            refused += CommonPasswords.isCommon(candidates[i]) ? 1 : 0;
        }
        // the mix is what it says: every dressed-up list word refused, the others accepted
        int expected = (candidates.length + 2) / 3;
        if (refused != expected) {
            throw new IllegalStateException("expected " + expected + " refused candidates, got " + refused);
        }
    }

    @Benchmark
    public boolean isCommon() {
        return CommonPasswords.isCommon(candidates[next++ & 1023]);
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String randomPassword(Random random, int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private static String passphrase(Random random, int length) {
        StringBuilder phrase = new StringBuilder(length + 10);
        while (phrase.length() < length) {
            phrase.append(PASSPHRASE_WORDS[random.nextInt(PASSPHRASE_WORDS.length)]).append('-');
        }
        return phrase.substring(0, length - 3) + random.nextInt(10) + random.nextInt(10) + "!";
    }
}
