package glossary.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code java -jar glossary.jar staff add EMAIL}: adds a staff account. The password is read from
 * the console without echo, or from the first line of standard input; never from an argument,
 * where it would end up in the shell history and the process list.
 */
public final class StaffCommand {
    private StaffCommand() {}

    /** The staff accounts, opened for one command only after its arguments are good. */
    public interface Store extends AutoCloseable {
        Staff staff();

        @Override
        void close();
    }

    public static int run(String[] args, Supplier<Store> open) {
        var out = System.out;
        if (args.length != 3 || !args[0].equals("staff") || !args[1].equals("add")) {
            out.println(
                    "Usage: java -jar glossary.jar staff add EMAIL   (the password is asked for, or read from standard input)");
            return 2;
        }
        var email = args[2].strip();
        if (!email.contains("@") || email.length() > 254) {
            out.println("That does not look like an email address.");
            return 2;
        }
        var password = readPassword(out);
        if (password == null) {
            out.println("No password given.");
            return 2;
        }
        var problem = Passwords.problem(password, email, null);
        if (problem.isPresent()) {
            out.println(problem.get());
            return 1;
        }
        try (var store = open.get()) {
            var staff = store.staff();
            if (staff.all().stream().anyMatch(m -> m.email().equals(Staff.normalize(email)))) {
                out.println("There is already an account for " + email + ".");
                return 1;
            }
            staff.add(email, password);
            out.println("Added " + Staff.normalize(email) + ".");
            return 0;
        }
    }

    private static String readPassword(PrintStream out) {
        var console = System.console();
        if (console != null) {
            var first = console.readPassword("Password (12 to 128 characters): ");
            var second = console.readPassword("Again: ");
            if (first == null || second == null || !new String(first).equals(new String(second))) {
                out.println("The two passwords differ.");
                return null;
            }
            return new String(first);
        }
        try {
            var line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? null : line.strip();
        } catch (IOException e) {
            return null;
        }
    }
}
