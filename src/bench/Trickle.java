import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * Slow clients for the benchmark: N connections each send a form's headers, then trickle its body
 * at one byte a second, opening a new connection whenever the server cuts one. Runs until killed.
 *   java src/bench/Trickle.java PORT COUNT
 */
public class Trickle {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        var sockets = new ArrayList<Socket>();
        for (int i = 0; i < count; i++) {
            sockets.add(open(port));
        }
        while (true) {
            for (int i = 0; i < sockets.size(); i++) {
                try {
                    sockets.get(i).getOutputStream().write('a');
                } catch (IOException cut) {
                    sockets.get(i).close();
                    sockets.set(i, open(port));
                }
            }
            Thread.sleep(1000);
        }
    }

    private static Socket open(int port) throws IOException {
        var socket = new Socket("127.0.0.1", port);
        socket.getOutputStream()
                .write(
                        ("POST /contact HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                        + "Content-Length: 100000\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }
}
