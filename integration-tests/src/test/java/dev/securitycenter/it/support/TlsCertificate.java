package dev.securitycenter.it.support;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code localhost} and 127.0.0.1, made by the JDK's keytool for one test run (no
 * network, no openssl), written both as PEM files (what nginx and Keycloak's {@code https-certificate-*} options
 * read) and as a trust store the test clients use.
 */
public final class TlsCertificate {

    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    private final Path certificate;
    private final Path privateKey;
    private final SSLContext clientContext;

    private TlsCertificate(Path certificate, Path privateKey, SSLContext clientContext) {
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.clientContext = clientContext;
    }

    public static TlsCertificate generate(Path directory) {
        try {
            Files.createDirectories(directory);
            Path keyStoreFile = directory.resolve("server.p12");
            Files.deleteIfExists(keyStoreFile);
            keytool(List.of("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", keyStoreFile.toString(),
                    "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD)));
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStoreFile)) {
                keyStore.load(in, STORE_PASSWORD);
            }
            Certificate cert = keyStore.getCertificate("server");
            Key key = keyStore.getKey("server", STORE_PASSWORD);
            Path certificate = directory.resolve("server.crt");
            Path privateKey = directory.resolve("server.key");
            Files.writeString(certificate, pem("CERTIFICATE", cert.getEncoded()));
            // PKCS#8, the encoding both nginx and Keycloak accept
            Files.writeString(privateKey, pem("PRIVATE KEY", key.getEncoded()));

            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("server", cert);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return new TlsCertificate(certificate, privateKey, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not read the generated certificate", e);
        }
    }

    public Path certificate() {
        return certificate;
    }

    public Path privateKey() {
        return privateKey;
    }

    /** Trusts this certificate and nothing else. */
    public SSLContext clientContext() {
        return clientContext;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void keytool(List<String> arguments) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
