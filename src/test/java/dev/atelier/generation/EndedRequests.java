package dev.atelier.generation;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestComponent;

/**
 * The requests the server has finished with, by their query: the container tells a request
 * listener once its last dispatch (an async one included) is over. A test proves that something
 * did not happen while a request was handled by waiting for this, not by waiting a while.
 */
@TestComponent
public class EndedRequests implements ServletRequestListener {

    private final Set<String> queries = ConcurrentHashMap.newKeySet();

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        if (event.getServletRequest() instanceof HttpServletRequest request && request.getQueryString() != null) {
            queries.add(request.getQueryString());
        }
    }

    /** Whether a request whose query contained {@code text} has ended. */
    public boolean ended(String text) {
        return queries.stream().anyMatch(query -> query.contains(text));
    }
}
