package dev.atelier.media.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void aNameIsItsLastPathSegmentWithoutHiddenCharacters() {
        assertThat(Names.label("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Names.label("C:\\Users\\me\\cat.png")).isEqualTo("cat.png");
        assertThat(Names.label("holiday\u202Egnp.exe")).isEqualTo("holidaygnp.exe");
        assertThat(Names.label("a\u0000b\nc.png")).isEqualTo("abc.png");
        assertThat(Names.label("Été à Paris.jpg")).isEqualTo("Été à Paris.jpg");
        assertThat(Names.label("x".repeat(300))).hasSize(200);
    }

    @Test
    void nothingUsableIsNoName() {
        assertThat(Names.label(null)).isNull();
        assertThat(Names.label("dir/")).isNull();
        assertThat(Names.label("..")).isNull();
        assertThat(Names.label(" \u200B ")).isNull();
    }
}
