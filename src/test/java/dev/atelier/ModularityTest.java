package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(AtelierApplication.class);

    @Test
    void modulesOnlyUseEachOthersApisAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void theModulesAreTheOnesTheArchitectureNames() {
        // a renamed or vanished module would otherwise leave verify() checking less than it seems
        assertThat(MODULES.stream().map(ApplicationModule::getName))
                .contains("accounts", "credits", "catalog", "generation", "providers", "media", "platform");
    }

    @Test
    void theMoneyAndTheSharedKitDependOnNoModuleAbove() {
        assertThat(dependencies("platform")).isEmpty();
        assertThat(dependencies("credits")).doesNotContain("generation", "providers");
        assertThat(dependencies("generation")).contains("credits", "catalog");
    }

    @Test
    void aModuleReachingIntoAnothersInsidesFailsVerification() {
        ApplicationModules broken = ApplicationModules.of("fixtures.modules", location -> true);

        assertThatThrownBy(broken::verify).isInstanceOf(Violations.class)
                .hasMessageContaining("fixtures.modules.right.internal.Secret");
    }

    @Test
    void writesTheModuleDocumentation(@TempDir Path folder) throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

        String all = Files.readString(folder.resolve("components.puml"));
        MODULES.forEach(module -> {
            assertThat(all).contains(module.getDisplayName());
            assertThat(folder.resolve("module-" + module.getName() + ".puml")).isRegularFile();
        });
    }

    private static java.util.List<String> dependencies(String module) {
        return MODULES.getModuleByName(module).orElseThrow().getDirectDependencies(MODULES).uniqueModules()
                .map(ApplicationModule::getName).toList();
    }
}
