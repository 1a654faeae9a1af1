package glossary.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import glossary.TestApp;
import glossary.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the real app ({@link TestApp}: random port, fresh H2 or, in the build's PostgreSQL pass,
 * a fresh PostgreSQL database) and stops it again. Register it in a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final AppExtension apps = AppExtension.perClass().env(StaffClient.ENV).withMail();
 *
 * @Test
 * void a_lead_can_be_erased(TestApp app, Client visitor, StaffClient staff, Mailbox mail) { … }
 * }</pre>
 *
 * <p>{@link #perClass()} shares one app among the tests of a class, for tests that do not disturb
 * each other; {@link #perTest()} gives each test a fresh one; {@link #onDemand()} starts none, and
 * each test {@link #start}s what it needs. Whatever a test starts is stopped when it ends.
 * {@link #readOnly()} shares one app among all classes that only read, for the whole run.
 *
 * <p>Test methods may ask for the class's or test's app as parameters: {@link TestApp}, a
 * {@link Client} (a new visitor), a {@link StaffClient} (signed in as {@link StaffClient#EMAIL}),
 * and, with {@link #withMail()}, the {@link Mailbox}. {@code onDemand().withMail()} gives each test
 * one mail server that every app it {@link #start}s sends to (several instances, one mailbox).
 */
public final class AppExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    /**
     * Tests fill in a form faster than a person could and send more than a visitor would; the time
     * trap and the rate limit have tests of their own that set them.
     */
    private static final Map<String, String> DEFAULTS =
            Map.of("GLOSSARY_FORM_MIN_SECONDS", "0", "GLOSSARY_RATE_LIMIT", "1000");

    private enum Scope {
        RUN,
        CLASS,
        TEST,
        ON_DEMAND
    }

    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(AppExtension.class);

    private final Scope scope;
    private final Map<String, String> env = new LinkedHashMap<>(DEFAULTS);
    private boolean mail;
    private GreenMail smtp;
    private TestApp app;
    private final Deque<AutoCloseable> startedByTest = new ArrayDeque<>();

    private AppExtension(Scope scope) {
        this.scope = scope;
    }

    /**
     * One app for the whole run, shared by every class that registers readOnly() with the same
     * settings: for tests that read pages and write nothing that another class asserts on (a
     * search they count must be their own). Stopped when the run ends.
     */
    public static AppExtension readOnly() {
        return new AppExtension(Scope.RUN);
    }

    /** One app for all tests of the class, started before the first and stopped after the last. */
    public static AppExtension perClass() {
        return new AppExtension(Scope.CLASS);
    }

    /** A fresh app for each test. */
    public static AppExtension perTest() {
        return new AppExtension(Scope.TEST);
    }

    /** No app of its own: each test starts what it needs with {@link #start}. */
    public static AppExtension onDemand() {
        return new AppExtension(Scope.ON_DEMAND);
    }

    /** A setting (GLOSSARY_* variable) for every app this extension starts. */
    public AppExtension env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public AppExtension env(Map<String, String> settings) {
        env.putAll(settings);
        return this;
    }

    /** An SMTP server (GreenMail) beside the app, with the app's mail going to it; see {@link #mail()}. */
    public AppExtension withMail() {
        mail = true;
        return this;
    }

    /** The settings that send an app's mail to a plain SMTP server at 127.0.0.1 on this port. */
    public static Map<String, String> smtpAt(int port) {
        return Map.of(
                "GLOSSARY_SMTP_HOST", "127.0.0.1",
                "GLOSSARY_SMTP_PORT", String.valueOf(port),
                "GLOSSARY_SMTP_TLS", "none");
    }

    /** The app of this class or test. */
    public TestApp app() {
        if (app == null) {
            throw new IllegalStateException(
                    scope == Scope.ON_DEMAND
                            ? "AppExtension.onDemand() starts no app: call start(...) in the test"
                            : "no app yet: register AppExtension.perClass() in a static field");
        }
        return app;
    }

    public Mailbox mail() {
        if (mail && scope == Scope.ON_DEMAND) {
            return new Mailbox(testsMailServer());
        }
        if (smtp == null) {
            throw new IllegalStateException("no mail server: register the extension withMail()");
        }
        return new Mailbox(smtp);
    }

    /** The test's own mail server, started on first use and stopped when the test ends (on demand only). */
    private GreenMail testsMailServer() {
        if (smtp == null) {
            var server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
            smtp = server;
            startedByTest.push(() -> {
                server.stop();
                smtp = null;
            });
        }
        return smtp;
    }

    /** An app of the test's own, with these settings over the extension's; stopped when the test ends. */
    public TestApp start(Map<String, String> settings) {
        return start(settings, Clock.systemUTC());
    }

    /** An app of the test's own, as {@link #start(Map)}, whose time is this clock (a {@link TestClock} the test moves). */
    public TestApp start(Map<String, String> settings, Clock clock) {
        var all = new HashMap<>(env);
        if (mail && scope == Scope.ON_DEMAND) {
            all.putAll(smtpAt(testsMailServer().getSmtp().getPort()));
            all.putIfAbsent("GLOSSARY_MAIL_RETRY_SECONDS", "0.5");
        }
        all.putAll(settings);
        return startedByTest(TestApp.start(all, clock));
    }

    /** Stops the app and starts it again on the same storage, with these settings changed; see {@link TestApp#restart}. */
    public TestApp restart(TestApp running, Map<String, String> changes) {
        return startedByTest(running.restart(changes));
    }

    /**
     * A fresh database of the test's own, for a test that prepares one before an app starts on it
     * ({@code start(database.env())}); dropped when the test ends, after the apps started on it.
     */
    public TestDatabase database() {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("glossary-test-db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startedByTest.push(() -> delete(dataDir));
        return startedByTest(TestDatabase.fresh(dataDir));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (scope == Scope.CLASS) {
            startOwnApp();
        }
        if (scope == Scope.RUN) {
            if (mail) {
                throw new ExtensionConfigurationException("readOnly() apps send no mail");
            }
            // The root store closes what it holds (TestApp is AutoCloseable) when the run ends.
            var settings = new TreeMap<>(env);
            app = context.getRoot()
                    .getStore(SHARED)
                    .getOrComputeIfAbsent(settings.toString(), key -> TestApp.start(settings), TestApp.class);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if ((scope == Scope.CLASS || scope == Scope.RUN) && app == null) {
            throw new ExtensionConfigurationException("register AppExtension."
                    + (scope == Scope.RUN ? "readOnly()" : "perClass()") + " in a static field");
        }
        if (scope == Scope.TEST) {
            startOwnApp();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            closeAll(startedByTest);
        } finally {
            if (scope == Scope.TEST) {
                stopOwnApp();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            closeAll(startedByTest); // anything started outside a test, e.g. in @BeforeAll
        } finally {
            if (scope == Scope.RUN) {
                app = null; // the run's, not this class's to stop
            } else {
                stopOwnApp();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        var type = parameter.getParameter().getType();
        return type == TestApp.class || type == Client.class || type == StaffClient.class || type == Mailbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        var type = parameter.getParameter().getType();
        try {
            if (type == Mailbox.class) {
                return mail();
            }
            if (type == TestApp.class) {
                return app();
            }
            return type == StaffClient.class ? StaffClient.signedIn(app()) : Client.of(app());
        } catch (IllegalStateException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    private void startOwnApp() {
        var settings = new HashMap<>(env);
        if (mail) {
            smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            smtp.start();
            settings.putAll(smtpAt(smtp.getSmtp().getPort()));
            // Mail that staff release or retry goes at the worker's next look, which is this often.
            settings.putIfAbsent("GLOSSARY_MAIL_RETRY_SECONDS", "0.5");
        }
        try {
            app = TestApp.start(settings);
        } catch (RuntimeException e) {
            stopOwnApp();
            throw e;
        }
    }

    private void stopOwnApp() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            app = null;
            if (smtp != null) {
                smtp.stop();
                smtp = null;
            }
        }
    }

    private <T extends AutoCloseable> T startedByTest(T resource) {
        startedByTest.push(resource);
        return resource;
    }

    /** Last started, first stopped; every one is closed even when one fails. */
    private static void closeAll(Deque<AutoCloseable> resources) throws Exception {
        Exception failure = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is not worth failing a test for
        }
    }
}
