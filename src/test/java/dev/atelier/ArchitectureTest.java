package dev.atelier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import fixtures.engine.BrokenHouseRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * House rules that keep the design honest; see docs/architecture.md. A rule whose classes are
 * not there (a renamed package) fails instead of passing empty: ArchUnit's default, never
 * switched off here. Each rule is also shown failing on {@link BrokenHouseRules}.
 */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.atelier");
    static final JavaClasses BROKEN = new ClassFileImporter().importClasses(BrokenHouseRules.class);

    static final ArchRule ENGINES_HAVE_NO_FRAMEWORK = noClasses().that().resideInAPackage("..engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "tools.jackson..");
    static final ArchRule THE_CLOCK_IS_INJECTED = noClasses().should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .orShould().callMethod(java.time.OffsetDateTime.class, "now")
            .orShould().callMethod(java.time.ZonedDateTime.class, "now")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("tests move an injected Clock instead of sleeping");
    static final ArchRule CONSTRUCTOR_INJECTION = noFields().should().beAnnotatedWith(Autowired.class);
    static final ArchRule NO_JPA = noClasses().should().dependOnClassesThat().resideInAPackage("jakarta.persistence..");

    @Test
    void engineCodeHasNoFrameworkInIt() {
        ENGINES_HAVE_NO_FRAMEWORK.check(MAIN);
    }

    @Test
    void logicAsksTheInjectedClockForTheTime() {
        THE_CLOCK_IS_INJECTED.check(MAIN);
    }

    @Test
    void dependenciesAreInjectedThroughConstructors() {
        CONSTRUCTOR_INJECTION.check(MAIN);
    }

    @Test
    void sqlIsExplicitNoJpa() {
        NO_JPA.check(MAIN);
    }

    @Test
    void eachRuleFailsOnCodeThatBreaksIt() {
        assertThatThrownBy(() -> ENGINES_HAVE_NO_FRAMEWORK.check(BROKEN)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("JdbcClient");
        assertThatThrownBy(() -> THE_CLOCK_IS_INJECTED.check(BROKEN)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Instant.now()");
        assertThatThrownBy(() -> CONSTRUCTOR_INJECTION.check(BROKEN)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("frameworkInAnEngine");
    }

    @Test
    void aRuleWhosePackageIsGoneFailsInsteadOfPassingEmpty() {
        JavaClasses renamed = new ClassFileImporter().importPackages("dev.atelier.no_such_package");

        assertThatThrownBy(() -> ENGINES_HAVE_NO_FRAMEWORK.check(renamed)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }
}
