package dev.atelier.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.atelier.catalog.Model;
import dev.atelier.catalog.ModelKind;
import dev.atelier.catalog.PriceRule;
import dev.atelier.catalog.PriceUnit;
import dev.atelier.platform.database.Notifications;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the cache keeps and when it reads again; the trigger and the listener are proven in CatalogTest. */
class ModelCacheTest {

    private final CatalogRows rows = mock(CatalogRows.class);
    private final Notifications notifications = mock(Notifications.class);
    private Consumer<String> changed;
    private Runnable gap;
    private ModelCache cache;

    @BeforeEach
    void setUp() {
        doAnswer(call -> {
            changed = call.getArgument(1);
            gap = call.getArgument(2);
            return null;
        }).when(notifications).subscribe(eq(ModelCache.CHANNEL), any(), any());
        cache = new ModelCache(rows, notifications);
        when(notifications.connected()).thenReturn(true);
        when(rows.find("a/model")).thenReturn(Optional.of(model(5)));
    }

    @Test
    void aModelIsReadOnceWhileTheNodeHearsChanges() {
        assertThat(cache.find("a/model")).contains(model(5));
        assertThat(cache.find("a/model")).contains(model(5));
        verify(rows, times(1)).find("a/model");
    }

    @Test
    void aHeardChangeALocalChangeAndAGapEachMakeTheNextFindReadAgain() {
        cache.find("a/model");
        changed.accept("a/model");
        cache.find("a/model");
        cache.forget("a/model");
        cache.find("a/model");
        gap.run();
        cache.find("a/model");
        cache.find("a/model");
        verify(rows, times(4)).find("a/model");
    }

    @Test
    void nothingIsKeptWhileTheListenerIsNotConnected() {
        when(notifications.connected()).thenReturn(false);
        cache.find("a/model");
        cache.find("a/model");
        verify(rows, times(2)).find("a/model");
    }

    @Test
    void aChangeHeardWhileReadingIsNotHiddenByWhatWasRead() {
        when(rows.find("a/model")).thenAnswer(call -> {
            changed.accept("a/model"); // the change commits while this read's older row is on its way
            return Optional.of(model(5));
        }).thenReturn(Optional.of(model(7)));
        cache.find("a/model");
        assertThat(cache.find("a/model")).contains(model(7));
    }

    @Test
    void anUnknownModelIsNotKept() {
        when(rows.find("later/model")).thenReturn(Optional.empty(), Optional.of(model(1)));
        assertThat(cache.find("later/model")).isEmpty();
        assertThat(cache.find("later/model")).isPresent();
    }

    private static Model model(long credits) {
        return new Model("a/model", ModelKind.IMAGE, "p", "A model", "", true, 100, List.of(),
                new PriceRule(PriceUnit.PER_OUTPUT, credits, 1), null, Map.of(), Map.of(), null);
    }
}
