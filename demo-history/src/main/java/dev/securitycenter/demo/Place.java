package dev.securitycenter.demo;

/**
 * Where the people of the demo's history sign in from: a public address that the bundled DB-IP Lite city data
 * places in the city named (checked by the demo's integration test against the same data). The demo's trusted
 * proxy forwards each request with this address, as a load balancer in front of Keycloak would.
 */
public enum Place {
    WARSAW("20.215.119.10", "Warsaw, Poland"),
    KRAKOW("83.13.238.10", "Krakow, Poland"),
    LONDON("2.22.44.10", "London, United Kingdom"),
    DUBLIN("3.248.173.10", "Dublin, Ireland"),
    PARIS("2.5.79.10", "Paris, France"),
    BERLIN("2.213.223.10", "Berlin, Germany"),
    AMSTERDAM("4.175.255.10", "Amsterdam, Netherlands"),
    ZURICH("16.18.90.10", "Zurich, Switzerland"),
    LISBON("2.80.30.10", "Lisbon, Portugal"),
    NEW_YORK("3.154.231.10", "New York, United States"),
    TORONTO("3.96.245.10", "Toronto, Canada"),
    SINGAPORE("3.0.21.10", "Singapore, Singapore"),
    SYDNEY("1.120.31.10", "Sydney, Australia"),
    MUMBAI("3.6.99.10", "Mumbai, India"),
    LAGOS("41.76.251.10", "Lagos, Nigeria"),
    // where the guesses come from
    MOSCOW("2.92.186.10", "Moscow, Russia"),
    HANOI("1.52.171.10", "Hanoi, Vietnam");

    private final String address;
    private final String location;

    Place(String address, String location) {
        this.address = address;
        this.location = location;
    }

    public String address() {
        return address;
    }

    /** The location as the session list shows it. */
    public String location() {
        return location;
    }
}
