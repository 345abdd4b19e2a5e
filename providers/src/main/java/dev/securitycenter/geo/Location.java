package dev.securitycenter.geo;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Locale;

/**
 * A best-effort place: {@code label} is what the session list shows ("Lisbon, Portugal", the spec's "Local network"
 * for private addresses, "Remote" when nothing is known); city and country code are null when unknown.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Location(String label, String city, String countryCode) {

    public static final Location LOCAL_NETWORK = new Location("Local network", null, null);
    public static final Location REMOTE = new Location("Remote", null, null);

    /** A place from a database record; either part may be missing. */
    public static Location of(String city, String countryCode) {
        String country = countryCode == null || countryCode.isBlank() ? null
                : new Locale("", countryCode).getDisplayCountry(Locale.ENGLISH);
        boolean hasCity = city != null && !city.isBlank();
        if (country == null) {
            return hasCity ? new Location(city, city, null) : REMOTE;
        }
        return new Location(hasCity ? city + ", " + country : country, hasCity ? city : null, countryCode);
    }
}
