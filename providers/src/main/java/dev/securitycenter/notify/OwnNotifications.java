package dev.securitycenter.notify;

import dev.securitycenter.notify.KnownSignIns.Entry;
import dev.securitycenter.notify.KnownSignIns.Kind;
import dev.securitycenter.policy.NotificationRules;
import org.keycloak.common.util.Time;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * A user's own view of their security mails (Profile ▸ Notifications): which they get, which they may turn off,
 * and the browsers their account recognises, each of which they may make it forget.
 */
public final class OwnNotifications {

    /**
     * One kind of mail: {@code offered} when the realm sends it at all, {@code enabled} when this user gets it,
     * {@code enforced} when the user may not turn it off.
     */
    public record Choice(boolean offered, boolean enabled, boolean enforced) {
    }

    /** A recognised browser; days as ISO dates (UTC). */
    public record KnownDevice(String id, String name, String firstSeen, String lastSeen) {
    }

    public record View(Choice newSignIn, Choice credentialChanges, List<KnownDevice> devices) {
    }

    private final RealmModel realm;
    private final UserModel user;

    public OwnNotifications(RealmModel realm, UserModel user) {
        this.realm = realm;
        this.user = user;
    }

    public View view() {
        NotificationRules rules = NotificationRules.of(realm);
        return new View(
                new Choice(rules.newSignIn(), rules.newSignIn() && NotificationChoices.wantsNewSignIn(user), false),
                // changes to how an account is protected are always told while the realm sends them
                new Choice(rules.credentialChanges(), rules.credentialChanges(), rules.credentialChanges()),
                known().ofKind(Kind.DEVICE).stream().map(OwnNotifications::device).toList());
    }

    /** Sets the user's choice of new-sign-in mails; false when the realm does not send them (nothing to choose). */
    public boolean chooseNewSignIn(boolean wanted) {
        if (!NotificationRules.of(realm).newSignIn()) {
            return false;
        }
        NotificationChoices.setNewSignIn(user, wanted);
        return true;
    }

    /** Forgets one recognised browser: its next sign-in is told as new. False when the user has no such device. */
    public boolean forgetDevice(String id) {
        KnownSignIns known = known();
        boolean forgotten = known.forget(Kind.DEVICE, id);
        known.saveTo(user);
        return forgotten;
    }

    private KnownSignIns known() {
        return KnownSignIns.of(user, Duration.ofMillis(Time.currentTimeMillis()).toDays());
    }

    private static KnownDevice device(Entry entry) {
        return new KnownDevice(entry.key(), entry.label(), LocalDate.ofEpochDay(entry.firstSeenDay()).toString(),
                LocalDate.ofEpochDay(entry.lastSeenDay()).toString());
    }
}
