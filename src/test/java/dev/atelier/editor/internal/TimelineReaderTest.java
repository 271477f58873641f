package dev.atelier.editor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atelier.editor.Timeline;
import dev.atelier.platform.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TimelineReaderTest {

    private final TimelineReader reader = new TimelineReader(JsonMapper.builder().build());

    @Test
    void wholeNumbersAreFineWhereFractionsMayGo() {
        Timeline t = reader.read("""
                {"video": {"clips": [{"id": "a", "assetId": "00000000-0000-0000-0000-00000000000a",
                  "startMs": 0, "durationMs": 1000, "speed": 2, "volume": 1}]}}""");
        assertThat(t.video().clips().getFirst().speed()).isEqualTo(2.0);
        assertThat(t.video().clips().getFirst().volume()).isEqualTo(1.0);
        assertThat(t.schemaVersion()).isEqualTo(1);
    }

    @Test
    void theHelpersAreNotPartOfTheDocument() {
        String written = JsonMapper.builder().build().writeValueAsString(TimelineFixtures.valid());
        assertThat(written).doesNotContain("lengthMs", "assetIds", "endMs", "sourceMs");
        assertThat(reader.read(written)).isEqualTo(TimelineFixtures.valid());
    }

    @Test
    void aWrongTypeIsNamedByItsPath() {
        assertThat(problems("{\"audio\": [{\"id\": \"m\", \"clips\": [{\"loop\": \"yes\"}]}]}"))
                .containsExactly("$.audio[0].clips[0].loop wrong_type");
        assertThat(problems("{\"text\": [{\"sizePx\": \"64\"}]}")).containsExactly("$.text[0].sizePx wrong_type");
        assertThat(problems("{\"video\": {\"clips\": [{\"assetId\": \"nope\"}]}}"))
                .containsExactly("$.video.clips[0].assetId invalid_value");
        assertThat(problems("{\"audio\": [{\"role\": \"narration\"}]}")).containsExactly("$.audio[0].role invalid_value");
        assertThat(problems("[]")).containsExactly("$ wrong_type");
        assertThat(problems("null")).containsExactly("$ required");
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        for (String body : List.of("", "{", "{} {}", "nope")) {
            ApiException e = catchThrowableOfType(ApiException.class, () -> reader.read(body));
            assertThat(e.code()).as(body).isEqualTo("malformed_body");
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> problems(String body) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> reader.read(body));
        assertThat(e.code()).as(body).isEqualTo("invalid_timeline");
        return ((List<TimelineProblem>) e.properties().get("errors")).stream().map(p -> p.path() + " " + p.code()).toList();
    }
}
