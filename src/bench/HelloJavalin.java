import io.javalin.Javalin;

/**
 * The start-up benchmark's reference: the least a Javalin app on this JVM and jar can start with.
 * Compiled and run with target/glossary.jar on the class path: java HelloJavalin PORT.
 */
public class HelloJavalin {
    public static void main(String[] args) {
        Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.routes.get("/", ctx -> ctx.result("hello"));
                })
                .start(Integer.parseInt(args[0]));
    }
}
