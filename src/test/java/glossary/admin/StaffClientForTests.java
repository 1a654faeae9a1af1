package glossary.admin;

import glossary.TestApp;
import java.net.http.HttpResponse;
import java.util.Map;

/** {@link StaffClient} for tests outside this package. */
public final class StaffClientForTests {
    private final StaffClient client;

    public StaffClientForTests(TestApp app) {
        this.client = new StaffClient(app);
    }

    public StaffClientForTests signIn(String email, String password) {
        if (client.signIn(email, password).statusCode() != 303) {
            throw new AssertionError("sign-in failed");
        }
        return this;
    }

    public HttpResponse<String> get(String path) {
        return client.get(path);
    }

    public HttpResponse<String> act(String path, Map<String, String> fields) {
        return client.act(path, fields);
    }
}
