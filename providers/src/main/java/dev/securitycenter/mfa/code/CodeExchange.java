package dev.securitycenter.mfa.code;

import dev.securitycenter.mfa.factor.CodeChannel;
import dev.securitycenter.mfa.smssender.SmsException;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Sending and checking one purpose's code within an authentication session: at most one send per resend
 * interval (even for simultaneous requests, see {@link ResendLock}), within the hourly {@link SendBudget}, never to a
 * {@link RefusedNumberRanges refused number range}; {@value IssuedCode#ATTEMPTS} tries per code, then a new code is
 * needed.
 */
public final class CodeExchange {

    private static final Logger LOG = Logger.getLogger(CodeExchange.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why a code was not sent: a message key and its argument. */
    public record NotSent(String messageKey, Object argument) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;
    private final CodeChannel channel;
    private final CodeSettings settings;
    private final CodeNotes notes;
    private final ResendLock resendLock;

    public CodeExchange(KeycloakSession session, RealmModel realm, UserModel user,
                        AuthenticationSessionModel authSession, CodeChannel channel, String purpose,
                        CodeSettings settings) {
        this.session = session;
        this.realm = realm;
        this.user = user;
        this.channel = channel;
        this.settings = settings;
        this.notes = new CodeNotes(authSession, purpose);
        this.resendLock = new ResendLock(session, authSession, purpose);
    }

    public Optional<IssuedCode> current() {
        return notes.current();
    }

    /** Sends a code unless one that can still be used is on its way. */
    public Optional<NotSent> sendIfNoneUsable(String destination) {
        Optional<IssuedCode> current = notes.current();
        if (current.isPresent() && current.get().usable(Time.currentTimeMillis())
                && destination.equals(current.get().target())) {
            return Optional.empty();
        }
        return send(destination);
    }

    /** Sends a new code (to a new destination too), unless the last one went out less than the interval ago. */
    public Optional<NotSent> send(String destination) {
        long now = Time.currentTimeMillis();
        Optional<IssuedCode> last = notes.current();
        if (last.isPresent() && last.get().resendWaitSeconds(now, settings) > 0) {
            return Optional.of(new NotSent("securityCenterCodeResendWait", last.get().resendWaitSeconds(now, settings)));
        }
        if (channel == CodeChannel.SMS && RefusedNumberRanges.of(destination).isPresent()) {
            LOG.warnf("Code for user %s of realm %s not sent: the number is in a refused range (%s)", user.getId(),
                    realm.getName(), RefusedNumberRanges.of(destination).get());
            return Optional.of(new NotSent("securityCenterCodeNotSent", null));
        }
        if (!resendLock.take(settings)) {
            // a simultaneous request is sending, or the last send's turn has not quite expired
            long wait = last.map(code -> code.resendWaitSeconds(now, settings)).orElse(settings.resendMillis() / 1000);
            return Optional.of(new NotSent("securityCenterCodeResendWait", Math.max(1, wait)));
        }
        SendBudget.Exhausted exhausted = new SendBudget(session).take(settings.limits(), realm.getId(), user.getId(),
                channel, destination);
        if (exhausted != null) {
            LOG.warnf("Code for user %s of realm %s not sent: the %s hourly send limit is reached", user.getId(),
                    realm.getName(), exhausted.name().toLowerCase());
            return Optional.of(new NotSent("securityCenterCodeLimitReached", null));
        }
        IssuedCode.Fresh fresh = IssuedCode.issue(RANDOM, now, settings, destination);
        try {
            new CodeDelivery(session, realm).send(channel, user, destination, fresh.code(), settings);
        } catch (SmsException e) {
            LOG.warnf(e, "Sign-in code for user %s of realm %s not sent", user.getId(), realm.getName());
            resendLock.release();
            return Optional.of(new NotSent("securityCenterCodeNotSent", null));
        }
        notes.save(fresh.issued());
        return Optional.empty();
    }

    /** Checks a typed code and keeps the tries left; an accepted code is gone. */
    public IssuedCode.Check check(String typed) {
        Optional<IssuedCode> current = notes.current();
        if (current.isEmpty()) {
            return new IssuedCode.Check(IssuedCode.Outcome.EXPIRED, null);
        }
        IssuedCode.Check check = current.get().check(typed, Time.currentTimeMillis());
        if (check.outcome() == IssuedCode.Outcome.ACCEPTED) {
            notes.clear();
        } else {
            notes.save(check.after());
        }
        return check;
    }

    /** The message for a code that was not accepted. */
    public static String errorFor(IssuedCode.Check check) {
        return switch (check.outcome()) {
            case WRONG -> check.after().attemptsLeft() > 0 ? "securityCenterCodeInvalid"
                    : "securityCenterCodeNoAttemptsLeft";
            case EXPIRED -> "securityCenterCodeExpired";
            case EXHAUSTED -> "securityCenterCodeNoAttemptsLeft";
            case ACCEPTED -> null;
        };
    }
}
