package dev.securitycenter;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Keeps the providers jar layered as architecture.md §3a says: {@code rest} → capabilities → {@code policy} and
 * {@code audit} → {@code geo}, {@code spi}, {@code jpa}, {@code flow}; no package cycle at any depth; capabilities
 * reach each other only through the layers below them ({@code notify}, the mail sent after commit, is the one
 * capability the others use); and every provider registered in META-INF/services is a top-level class.
 */
class LayeringTest {

    private static final String ROOT = "dev.securitycenter";
    /** Capabilities that may not import one another (the mfa packages may import each other, acyclically). */
    private static final List<String> CAPABILITIES = List.of("password", "lockout", "mfa", "network", "sessions");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void layersOnlyLookDown() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("rest").definedBy(ROOT + ".rest..")
                .layer("capabilities").definedBy(CAPABILITIES.stream().map(p -> ROOT + "." + p + "..")
                        .toArray(String[]::new))
                .layer("notify").definedBy(ROOT + ".notify..")
                .layer("policy").definedBy(ROOT + ".policy..")
                .layer("audit").definedBy(ROOT + ".audit..")
                .layer("base").definedBy(ROOT + ".geo..", ROOT + ".spi..", ROOT + ".jpa..", ROOT + ".flow..")
                .whereLayer("rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("capabilities").mayOnlyBeAccessedByLayers("rest")
                .whereLayer("notify").mayOnlyBeAccessedByLayers("rest", "capabilities")
                .whereLayer("policy").mayOnlyBeAccessedByLayers("rest", "capabilities", "notify")
                .whereLayer("audit").mayOnlyBeAccessedByLayers("rest", "capabilities", "notify", "policy")
                .whereLayer("base").mayOnlyBeAccessedByLayers("rest", "capabilities", "notify", "policy", "audit")
                .check(CLASSES);
    }

    @Test
    void capabilitiesDoNotImportEachOther() {
        for (String capability : CAPABILITIES) {
            String[] others = CAPABILITIES.stream().filter(other -> !other.equals(capability))
                    .map(other -> ROOT + "." + other + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage(ROOT + "." + capability + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(CLASSES);
        }
    }

    @Test
    void noPackageCycleAtAnyDepth() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noCycleAmongTopLevelPackages() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** Nested classes as providers hide what they are; every registered provider is named for itself. */
    @Test
    void registeredProvidersAreTopLevelClasses() throws IOException {
        List<String> nested = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/META-INF/services"))) {
            for (Path file : files.toList()) {
                Files.readAllLines(file).stream()
                        .map(String::trim)
                        .filter(line -> line.startsWith(ROOT + "."))
                        .filter(line -> line.contains("$"))
                        .forEach(line -> nested.add(file.getFileName() + ": " + line));
            }
        }
        assertEquals(List.of(), nested);
    }

    /** A renamed or moved provider must be renamed in its services file too, or Keycloak silently loses it. */
    @Test
    void registeredProvidersExist() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/META-INF/services"))) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    String name = line.trim();
                    if (name.startsWith(ROOT + ".") && !CLASSES.contain(name)) {
                        missing.add(file.getFileName() + ": " + name);
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }
}
