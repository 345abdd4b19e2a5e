package dev.securitycenter.notify;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.AuditRecorder;
import dev.securitycenter.audit.SecurityEventHandlerFactory;
import dev.securitycenter.flow.HourlySlots;
import dev.securitycenter.notify.KnownSignIns.Kind;
import dev.securitycenter.policy.NotificationRules;
import org.keycloak.common.util.Time;
import org.keycloak.device.DeviceRepresentationProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.representations.account.DeviceRepresentation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a user about a successful sign-in from a device or place not seen for them in the last 90 days, on every
 * path that ends in Keycloak's sign-in event (browser, direct grant, identity provider, after a password reset).
 * A browser is recognised by the realm's device cookie, which it is given (or given again) at each sign-in; a
 * direct grant has no cookie, so only its place counts. The very first sign-in of an account is only noted.
 * The sign-in is recorded as {@code auth.new_device_signin}; the mail goes, after commit, to a verified address of
 * a user who has not opted out, at most {@value #MAILS_PER_HOUR} an hour, with a "This wasn't me" link bound to
 * that event ({@link ThisWasntMeToken}).
 */
public class NewSignInHandler implements SecurityEventHandlerFactory {

    static final String TEMPLATE = "security-center-new-sign-in.ftl";
    static final String SUBJECT = "securityCenterNewSignInSubject";
    static final int MAILS_PER_HOUR = 5;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Override
    public String getId() {
        return "new-sign-in";
    }

    @Override
    public void onEvent(KeycloakSession session, Event event, AuditEvent ignored) {
        if (event.getType() != EventType.LOGIN || event.getUserId() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
        if (user == null || !NotificationRules.of(realm).newSignIn()) {
            return;
        }
        long today = Duration.ofMillis(Time.currentTimeMillis()).toDays();
        KnownSignIns known = KnownSignIns.of(user, today);
        boolean firstSignIn = known.isEmpty();
        // a request without a User-Agent (a script) has no device representation at all
        String device = DeviceName.of(Optional.ofNullable(session.getProvider(DeviceRepresentationProvider.class)
                .deviceRepresentation()).orElseGet(DeviceRepresentation::unknown));
        boolean newDevice = false;
        if (isBrowser(event)) {
            String deviceId = DeviceCookie.issue(session, realm, DeviceCookie.read(session, realm));
            newDevice = !known.knows(Kind.DEVICE, deviceId);
            known.seen(Kind.DEVICE, deviceId, device, today);
        }
        SignInPlace place = SignInPlace.of(session, event.getIpAddress());
        boolean newPlace = !known.knows(Kind.PLACE, place.key());
        known.seen(Kind.PLACE, place.key(), place.label(), today);
        known.saveTo(user);
        if (firstSignIn || !(newDevice || newPlace)) {
            return;
        }
        String reportId = KeycloakModelUtils.generateId();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reportId", reportId);
        details.put("device", device);
        details.put("location", place.label());
        details.put("newDevice", newDevice);
        details.put("newPlace", newPlace);
        AuditRecorder.of(session).record(realm.getId(), new AuditEvent(AuditEventType.NEW_DEVICE_SIGNIN,
                new UserRef(user.getId(), user.getUsername()), null, event.getClientId(), event.getIpAddress(), details,
                event.getTime()));
        if (user.getEmail() != null && user.isEmailVerified() && NotificationChoices.wantsNewSignIn(user)
                && new HourlySlots(session.singleUseObjects())
                .take("security-center-mail." + getId() + "." + realm.getId() + "." + user.getId(), MAILS_PER_HOUR)) {
            AfterCommitMail.send(session, realm, List.of(user.getId()), SUBJECT, List.of(), TEMPLATE, Map.of(
                    "when", WHEN.format(Instant.ofEpochMilli(event.getTime())),
                    "device", device,
                    "ipAddress", Optional.ofNullable(event.getIpAddress()).orElse(""),
                    "location", place.label(),
                    "reportUrl", ThisWasntMeToken.link(session, realm, user.getId(), reportId,
                            AuditEventType.NEW_DEVICE_SIGNIN.code())));
        }
    }

    /** A direct grant names its grant type; every other sign-in went through the browser's login pages. */
    private static boolean isBrowser(Event event) {
        return event.getDetails() == null || event.getDetails().get(Details.GRANT_TYPE) == null;
    }
}
