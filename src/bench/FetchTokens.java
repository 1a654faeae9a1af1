import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Form tokens for the inquiry benchmark: a token is good for one inquiry, so each request of the
 * benchmark needs its own, fetched from the form as a browser would.
 *   java src/bench/FetchTokens.java BASE_URL COUNT FILE
 */
public class FetchTokens {
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        var base = args[0];
        int count = Integer.parseInt(args[1]);
        var http = HttpClient.newHttpClient();
        var tokens = Collections.synchronizedList(new ArrayList<String>());
        var pool = Executors.newFixedThreadPool(8);
        var fetches = new ArrayList<Future<?>>();
        for (int i = 0; i < count; i++) {
            fetches.add(pool.submit(() -> tokens.add(fetch(http, base))));
        }
        for (var fetch : fetches) {
            fetch.get(); // a failed fetch fails the benchmark
        }
        pool.shutdown();
        Files.write(Path.of(args[2]), List.copyOf(tokens));
    }

    private static String fetch(HttpClient http, String base) throws IOException, InterruptedException {
        var page = http.send(
                HttpRequest.newBuilder(URI.create(base + "/contact")).build(), HttpResponse.BodyHandlers.ofString());
        var matcher = TOKEN.matcher(page.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no token on /contact");
        }
        return matcher.group(1);
    }
}
