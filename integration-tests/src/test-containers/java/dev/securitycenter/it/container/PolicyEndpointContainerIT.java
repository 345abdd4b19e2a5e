package dev.securitycenter.it.container;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import dev.securitycenter.it.support.KeycloakApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same extension jars in the official Keycloak image, for machines with a Docker engine
 * ({@code mvn verify -Ptestcontainers}). The development machines have none, so this is not part of the suite.
 */
class PolicyEndpointContainerIT {

    private static KeycloakContainer keycloak;

    @BeforeAll
    static void start() {
        List<File> jars = Arrays.asList(new File(System.getProperty("it.providers.dir"))
                .listFiles((dir, name) -> name.endsWith(".jar")));
        keycloak = new KeycloakContainer("quay.io/keycloak/keycloak:" + System.getProperty("it.keycloak.version"))
                .withProviderLibsFrom(jars);
        keycloak.start();
    }

    @AfterAll
    static void stop() {
        keycloak.stop();
    }

    @Test
    void masterAdminReadsThePolicy() {
        KeycloakApi api = new KeycloakApi(keycloak.getAuthServerUrl().replaceAll("/$", ""));
        assertEquals(200, api.get("/admin/realms/master/security-center/policy", api.masterAdminToken()).status());
    }
}
