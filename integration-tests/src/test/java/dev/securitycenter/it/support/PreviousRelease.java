package dev.securitycenter.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The jars of the release before this build, as kept in {@code releases/<version>/} with their {@code SHA256SUMS}
 * (the build passes the folder as {@code it.previous.release.dir}). A clone without tags has them too; that they
 * are the release's own build is what {@code releases/rebuild.sh} shows.
 */
public final class PreviousRelease {

    private PreviousRelease() {
    }

    /** The folder, after checking that every jar listed in SHA256SUMS is there unchanged and nothing else is. */
    public static Path jars() {
        Path folder = Path.of(KeycloakServer.requiredProperty("it.previous.release.dir"));
        try {
            List<String> sums = Files.readAllLines(folder.resolve("SHA256SUMS"));
            assertFalse(sums.isEmpty(), "no jars listed in " + folder.resolve("SHA256SUMS"));
            for (String line : sums) {
                String[] sumAndName = line.split("\\s+\\*?", 2);
                assertEquals(sumAndName[0], sha256(folder.resolve(sumAndName[1])), sumAndName[1] + " was changed");
            }
            try (var files = Files.list(folder)) {
                assertEquals(sums.size(), files.filter(p -> p.toString().endsWith(".jar")).count(),
                        "every jar in " + folder + " is listed in its SHA256SUMS");
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
