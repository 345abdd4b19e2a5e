package dev.securitycenter.it.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** Reads what a person would read in a mail: the decoded plain-text part. */
public final class Mail {

    private Mail() {
    }

    /**
     * Waits up to 15 seconds for a message that matches and returns everything received by then. Keycloak sends
     * the extension's mail after its transaction commits, so a test waits for the mail it expects last rather
     * than for a fixed time.
     */
    public static List<MimeMessage> awaitMessage(GreenMail smtp, Predicate<MimeMessage> matching) {
        return awaitMessage(smtp, matching, Duration.ofSeconds(15));
    }

    /** The same, for mail sent in bulk (Keycloak sends one at a time, each over a connection of its own). */
    public static List<MimeMessage> awaitMessage(GreenMail smtp, Predicate<MimeMessage> matching, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        List<MimeMessage> received = List.of();
        while (Instant.now().isBefore(deadline)) {
            received = Arrays.asList(smtp.getReceivedMessages());
            if (received.stream().anyMatch(matching)) {
                return received;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No matching mail among " + received.size() + " received");
    }

    public static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = plainText(body);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first recipient's address. */
    public static String to(MimeMessage mail) {
        try {
            return Arrays.stream(mail.getAllRecipients()).map(Object::toString).findFirst().orElse("");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part, for assertions. */
    public static String text(MimeMessage mail) {
        try {
            return plainText(mail);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
