package dev.securitycenter.flow;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

import java.util.Optional;
import java.util.function.Function;

/**
 * Makes parallel sign-in attempts for one user take turns instead of being turned away.
 *
 * <p>Keycloak's blocking brute-force protector lets one attempt per user and server run at a time and answers
 * every concurrent one "temporarily disabled" without counting it, so a burst of guesses would cost the attacker a
 * single recorded failure and never lock the account. Here each attempt waits for its {@link GuessTurn}, which it
 * holds until the request ends and, after a wrong password, until Keycloak has recorded that failure: each guess
 * sees every failure before it, the threshold's worth of them is compared, and the rest are refused as locked.
 * Keycloak compares the password or code and records the failure itself; this class only brackets that. Every
 * step that checks a secret takes turns (password, authenticator-app code, SMS or email code), so a code retyped
 * right after a wrong one waits for that failure to be on record instead of being refused.
 */
public final class SignInTurn {

    public static final String TEMPORARILY_LOCKED = "user_temporarily_disabled";
    public static final String PERMANENTLY_LOCKED = "user_disabled";

    private static final String ATTRIBUTE = SignInTurn.class.getName() + ".";
    private static final long POLL_MILLIS = 10;

    private SignInTurn() {
    }

    /**
     * Takes the attempt's turn (see {@link #refusal}) and, when the user must be refused, answers as Keycloak
     * answers a locked user: the event's error and the step's own page, which {@code page} makes from that error.
     * Keycloak's own verdict is asked last; its one-attempt slot is this request's by then.
     */
    public static boolean refused(AuthenticationFlowContext context, UserModel user, Function<String, Response> page) {
        Optional<String> error = refusal(context.getSession(), context.getRealm(), user)
                .or(() -> Optional.ofNullable(AuthenticatorUtils.getDisabledByBruteForceEventError(context, user)));
        error.ifPresent(refusal -> {
            context.getEvent().user(user);
            context.getEvent().error(refusal);
            context.forceChallenge(page.apply(refusal));
        });
        return error.isPresent();
    }

    /**
     * Takes this request's turn for the user, once per request, and tells why the attempt must be refused before
     * its password is compared (Keycloak's event error for a locked user), if it must: the user is locked, or the
     * turn could not be had (too many attempts queued, or waited too long). The turn passes on when the request
     * ends.
     */
    public static Optional<String> refusal(KeycloakSession session, RealmModel realm, UserModel user) {
        if (user == null || !realm.isBruteForceProtected()) {
            return Optional.empty();
        }
        Attempt attempt = session.getAttribute(ATTRIBUTE + user.getId(), Attempt.class);
        if (attempt == null) {
            GuessTurn turn = GuessTurn.take(session.getKeycloakSessionFactory(), realm.getId(), user.getId());
            passOnWhenRequestEnds(session, turn);
            attempt = new Attempt(turn, refusal(session, realm, user, turn));
            session.setAttribute(ATTRIBUTE + user.getId(), attempt);
        }
        return attempt.refusal();
    }

    private static Optional<String> refusal(KeycloakSession session, RealmModel realm, UserModel user,
                                            GuessTurn turn) {
        if (!turn.mayCompare()) {
            return Optional.of(turn.refusedAsPermanentlyLocked() ? PERMANENTLY_LOCKED : TEMPORARILY_LOCKED);
        }
        return keycloakSlotFreed(session, realm, user) ? Optional.empty() : Optional.of(TEMPORARILY_LOCKED);
    }

    /** The secret was compared and was wrong: the next attempt waits until Keycloak has this failure on record. */
    public static void wrongGuess(KeycloakSession session, UserModel user) {
        Attempt attempt = session.getAttribute(ATTRIBUTE + user.getId(), Attempt.class);
        if (attempt != null && attempt.refusal().isEmpty()) {
            attempt.turn().failed();
        }
    }

    /**
     * Keycloak's own one-attempt-per-user slot is freed just after the previous attempt's failure is on record;
     * asking the protector takes the slot for this request once it is free.
     */
    private static boolean keycloakSlotFreed(KeycloakSession session, RealmModel realm, UserModel user) {
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        long deadline = System.currentTimeMillis() + UserTurns.MAX_WAIT_MILLIS;
        while (protector.isTemporarilyDisabled(session, realm, user)) {
            if (System.currentTimeMillis() >= deadline
                    || LockState.read(session.getKeycloakSessionFactory(), realm.getId(), user.getId()).locked()) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static void passOnWhenRequestEnds(KeycloakSession session, GuessTurn turn) {
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                turn.close();
            }

            @Override
            protected void rollbackImpl() {
                turn.close();
            }
        });
    }

    /** This request's turn and what it decided. */
    private record Attempt(GuessTurn turn, Optional<String> refusal) {
    }
}
