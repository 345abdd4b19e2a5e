package dev.securitycenter.notify;

import org.keycloak.models.UserModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The devices and places a user has signed in from in the last {@value #REMEMBERED_DAYS} days, kept in the user
 * attribute {@value #ATTRIBUTE} as one value, a line per device or place (one row however many, and the mail
 * templates' user bean sees a single value). Keycloak's user store makes it realm-scoped,
 * shared by every node of a cluster and removed with the user; reading it costs nothing beyond loading the user.
 * At most {@value #MAX_PER_KIND} devices and as many places are kept (the longest unseen go first), and a known one
 * is written again at most once a day, so signing in over and over does not rewrite the record.
 */
public final class KnownSignIns {

    static final String ATTRIBUTE = "securityCenter.knownSignIns";
    static final int MAX_PER_KIND = 100;
    static final long REMEMBERED_DAYS = 90;
    private static final String SEPARATOR = "|";
    private static final String LINE = "\n";

    public enum Kind { DEVICE, PLACE }

    /** One device or place; days are days since 1970-01-01 (UTC). */
    public record Entry(Kind kind, String key, long firstSeenDay, long lastSeenDay, String label) {

        String encode() {
            return String.join(SEPARATOR, kind.name(), key, Long.toString(firstSeenDay),
                    Long.toString(lastSeenDay), label);
        }

        static Optional<Entry> decode(String value) {
            String[] parts = value.split("\\" + SEPARATOR, 5);
            try {
                return Optional.of(new Entry(Kind.valueOf(parts[0]), parts[1], Long.parseLong(parts[2]),
                        Long.parseLong(parts[3]), parts[4]));
            } catch (RuntimeException unreadable) {
                // written by no version of ours: forgotten rather than failing a sign-in
                return Optional.empty();
            }
        }
    }

    private final List<Entry> entries;
    private boolean changed;

    private KnownSignIns(List<Entry> entries, boolean changed) {
        this.entries = entries;
        this.changed = changed;
    }

    /** The user's record as of {@code today}: what was last seen longer ago than remembered is gone. */
    public static KnownSignIns of(UserModel user, long today) {
        String stored = user.getFirstAttribute(ATTRIBUTE);
        return of(stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(LINE)), today);
    }

    static KnownSignIns of(List<String> stored, long today) {
        List<Entry> entries = new ArrayList<>(stored.stream()
                .flatMap(value -> Entry.decode(value).stream())
                .filter(entry -> today - entry.lastSeenDay() <= REMEMBERED_DAYS)
                .toList());
        return new KnownSignIns(entries, entries.size() != stored.size());
    }

    /** No device or place at all: the user has not signed in within the remembered time (or never has). */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public boolean knows(Kind kind, String key) {
        return find(kind, key).isPresent();
    }

    /** Notes a sign-in from this device or place today. */
    public void seen(Kind kind, String key, String label, long today) {
        String safeKey = clean(key);
        Optional<Entry> known = find(kind, safeKey);
        if (known.isPresent()) {
            if (known.get().lastSeenDay() < today) {
                entries.set(entries.indexOf(known.get()), new Entry(kind, safeKey, known.get().firstSeenDay(), today,
                        clean(label)));
                changed = true;
            }
            return;
        }
        // first in the list, so that among entries seen on the same day the newest is kept and listed first
        entries.add(0, new Entry(kind, safeKey, today, today, clean(label)));
        List<Entry> ofKind = ofKind(kind);
        if (ofKind.size() > MAX_PER_KIND) {
            entries.removeAll(ofKind.subList(MAX_PER_KIND, ofKind.size()));
        }
        changed = true;
    }

    /** Forgets one device; answers whether the user had it. */
    public boolean forget(Kind kind, String key) {
        Optional<Entry> known = find(kind, key);
        known.ifPresent(entries::remove);
        changed |= known.isPresent();
        return known.isPresent();
    }

    /** The devices or places, most recently seen first. */
    public List<Entry> ofKind(Kind kind) {
        return entries.stream()
                .filter(entry -> entry.kind() == kind)
                .sorted(Comparator.comparingLong(Entry::lastSeenDay).reversed()
                        .thenComparing(Comparator.comparingLong(Entry::firstSeenDay).reversed()))
                .toList();
    }

    /** Writes the record back to the user, when anything changed. */
    public void saveTo(UserModel user) {
        if (changed) {
            user.setSingleAttribute(ATTRIBUTE, String.join(LINE, values()));
            changed = false;
        }
    }

    boolean changed() {
        return changed;
    }

    List<String> values() {
        return entries.stream().map(Entry::encode).toList();
    }

    private Optional<Entry> find(Kind kind, String key) {
        return entries.stream().filter(entry -> entry.kind() == kind && entry.key().equals(key)).findFirst();
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace(SEPARATOR, " ").replace(LINE, " ");
    }
}
