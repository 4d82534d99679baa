package io.kindred.server.net;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses Kindred may call on someone's say-so (a webhook URL, a picture's address): public ones only, so
 * that whoever types a URL cannot make the server reach the machines of its own network (SSRF).
 */
public final class PublicAddresses {

    private PublicAddresses() {
    }

    /** @return true for loopback, link-local, site-local (10/8, 172.16/12, 192.168/16), fc00::/7, 100.64/10, 0/8,
     * 169.254/16, 240/4, multicast and any-local addresses */
    public static boolean isForbidden(InetAddress a) {
        byte[] b = a.getAddress();
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()
                || a.isAnyLocalAddress()) {
            return true;
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || first == 127 || (first == 100 && second >= 64 && second < 128)
                || (first == 169 && second == 254) || first >= 240;
    }
}
