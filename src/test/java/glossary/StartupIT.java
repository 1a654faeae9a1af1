package glossary;

import static org.assertj.core.api.Assertions.assertThat;

import glossary.cluster.AppProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start that fails ends the process, so a service manager sees it, instead of leaving it half alive. */
class StartupIT {
    @TempDir
    Path data;

    @Test
    void an_instance_whose_port_is_taken_exits_with_an_error() throws Exception {
        try (var taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            var app = new AppProcess(taken.getLocalPort(), Map.of("GLOSSARY_DATA_DIR", data.toString(),
                    "GLOSSARY_SMTP_HOST", "127.0.0.1", "GLOSSARY_SMTP_PORT", "9"), data).launch();
            assertThat(app.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
            assertThat(app.log()).contains("Glossary could not start");
        }
    }
}
