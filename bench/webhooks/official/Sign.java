import dev.atelier.platform.signing.StandardWebhooks;
import java.nio.charset.StandardCharsets;
import java.util.List;
public class Sign {
    public static void main(String[] a) {
        String old = StandardWebhooks.newSecret(), next = StandardWebhooks.newSecret();
        String body = "{\"id\":\"msg_1\",\"type\":\"generation.succeeded\",\"data\":{\"prompt\":\"ünï\"}}";
        long ts = System.currentTimeMillis() / 1000;
        String sig = StandardWebhooks.signatureHeader(List.of(StandardWebhooks.keyOf(next), StandardWebhooks.keyOf(old)), "msg_1", ts, body.getBytes(StandardCharsets.UTF_8));
        System.out.println(String.join("\n", old, next, Long.toString(ts), sig, body));
    }
}
