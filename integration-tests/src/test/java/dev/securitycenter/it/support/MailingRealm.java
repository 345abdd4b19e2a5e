package dev.securitycenter.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The realm of a mail test, made anew for each test: the security defaults set up ("Set up security defaults", so
 * every notification is on) and its mail caught by a GreenMail SMTP server of its own. Register it on a field
 * ({@code @RegisterExtension}) of a class extended with {@link KeycloakTestServer}.
 */
public final class MailingRealm implements BeforeEachCallback, AfterEachCallback {

    private final String prefix;
    private final Map<String, Object> settings;
    private GreenMail smtp;
    private TestRealm realm;

    public MailingRealm(String prefix) {
        this(prefix, Map.of());
    }

    /** {@code settings}: realm representation fields set when the realm is made. */
    public MailingRealm(String prefix, Map<String, Object> settings) {
        this.prefix = prefix;
        this.settings = settings;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        KeycloakApi api = KeycloakTestServer.api();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        realm = TestRealm.create(api, prefix, settings);
        realm.useSmtp(smtp.getSmtp().getPort());
        assertEquals(200, api.post(realm.adminPath() + "/security-center/policy/defaults", api.masterAdminToken(),
                "").status());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (realm != null) {
            realm.close();
        }
        smtp.stop();
    }

    public TestRealm realm() {
        return realm;
    }

    public GreenMail smtp() {
        return smtp;
    }

    /** The mails caught so far with this subject. */
    public List<MimeMessage> mails(String subject) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject.equals(Mail.subject(m))).toList();
    }

    /** Waits until at least {@code count} mails with this subject are caught, and returns them all. */
    public List<MimeMessage> awaitMails(String subject, int count) {
        Mail.awaitMessage(smtp, m -> mails(subject).size() >= count);
        return mails(subject);
    }
}
