package io.kindred.server.staff;

/** A short name for the browser and system of a user agent ("Chrome on Android"), for the session list. */
final class Devices {

    private Devices() {
    }

    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "";
        }
        String ua = userAgent;
        String browser = ua.contains("MicroMessenger") ? "WeChat"
                : ua.contains("Edg/") ? "Edge"
                : ua.contains("Firefox/") ? "Firefox"
                : ua.contains("Chrome/") || ua.contains("Chromium/") ? "Chrome"
                : ua.contains("Safari/") ? "Safari"
                : ua.split("[/ ]", 2)[0];
        String system = ua.contains("Android") ? "Android"
                : ua.contains("iPhone") || ua.contains("iPad") ? "iOS"
                : ua.contains("Windows") ? "Windows"
                : ua.contains("Mac OS X") ? "macOS"
                : ua.contains("Linux") ? "Linux"
                : "";
        return system.isEmpty() ? browser : browser + " · " + system;
    }
}
