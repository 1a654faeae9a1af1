package glossary.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * The address of the client behind a request. X-Forwarded-For is believed only when the request
 * comes from a configured proxy, and then only as far back as the proxies go: the right-most
 * address that is not one of ours is the client. A forged header from anywhere else is ignored.
 */
public final class ClientAddress {
    private final InetAddressSet trusted = new InetAddressSet();

    /** @param trustedProxies addresses or CIDR ranges, such as 10.0.0.0/8 or ::1 */
    public ClientAddress(List<String> trustedProxies) {
        for (var entry : trustedProxies) {
            var parts = entry.split("/", 2);
            if (parse(parts[0]) == null) {
                throw new IllegalArgumentException("GLOSSARY_TRUSTED_PROXIES: not an IP address: " + entry);
            }
            try {
                trusted.add(entry);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("GLOSSARY_TRUSTED_PROXIES: not an address or range: " + entry, e);
            }
        }
    }

    public String of(Context ctx) {
        return resolve(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
    }

    String resolve(String remote, String forwardedFor) {
        if (!isTrusted(remote) || forwardedFor == null || forwardedFor.isBlank()) {
            return remote;
        }
        var hops = forwardedFor.split(",");
        var client = remote;
        for (int i = hops.length - 1; i >= 0; i--) {
            var hop = hops[i].strip();
            if (parse(hop) == null) {
                return client; // garbage in the header: stop at the last address we could vouch for
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** Whether this address is one of our proxies, whose forwarding headers are believed. */
    public boolean trusts(String address) {
        return isTrusted(address);
    }

    private boolean isTrusted(String address) {
        var parsed = parse(address);
        return parsed != null && trusted.test(parsed);
    }

    /** A literal IPv4 or IPv6 address, never a name (no DNS lookups on request data). */
    private static InetAddress parse(String text) {
        if (text == null || text.isEmpty() || !text.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
