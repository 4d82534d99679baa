package io.kindred.plugins.creators.agencies;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** What a terms file is, told by its first bytes (never by its name or the browser's content type). */
final class TermsFiles {

    private TermsFiles() {
    }

    static Optional<String> contentType(byte[] b) {
        if (starts(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("application/pdf");
        }
        if (starts(b, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of("image/png");
        }
        if (starts(b, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of("image/jpeg");
        }
        if (b.length >= 12 && starts(b, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && new String(b, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    /** @return the name to offer when downloading: letters, digits, dash, underscore, with the type's extension */
    static String safeName(String sent, String type) {
        String ext = switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            default -> ".webp";
        };
        String base = sent == null ? "" : sent.replaceAll("\\.[A-Za-z0-9]{1,5}$", "").replaceAll("[^A-Za-z0-9_-]", "_");
        base = base.length() > 80 ? base.substring(0, 80) : base;
        return (base.isBlank() ? "terms" : base) + ext;
    }

    private static boolean starts(byte[] b, byte[] magic) {
        return b.length >= magic.length && Arrays.equals(Arrays.copyOf(b, magic.length), magic);
    }
}
