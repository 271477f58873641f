package dev.atelier.editor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atelier.platform.ApiException;
import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void theCurrentVersionAStarOrAWeakTagMatch() {
        assertThatCode(() -> Versions.require("\"7\"", 7)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.require("*", 7)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.require("W/\"7\"", 7)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.require("\"6\", \"7\"", 7)).doesNotThrowAnyException();
    }

    @Test
    void anotherVersionIs412WithTheCurrentOne() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> Versions.require("\"6\"", 7));
        assertThat(e.status().value()).isEqualTo(412);
        assertThat(e.code()).isEqualTo("version_mismatch");
        assertThat(e.properties()).containsEntry("currentVersion", 7L);
        assertThat(e.headers().getETag()).isEqualTo("\"7\"");
        assertThat(catchThrowableOfType(ApiException.class, () -> Versions.require("7", 7)).code())
                .isEqualTo("version_mismatch");
    }

    @Test
    void noIfMatchIs428ExceptWhereItIsOptional() {
        assertThat(catchThrowableOfType(ApiException.class, () -> Versions.require(null, 1)).status().value())
                .isEqualTo(428);
        assertThat(catchThrowableOfType(ApiException.class, () -> Versions.require(" ", 1)).code())
                .isEqualTo("precondition_required");
        assertThatCode(() -> Versions.checkIfPresent(null, 3)).doesNotThrowAnyException();
    }
}
