package io.kindred.plugins.creators.campaigns;

import io.kindred.api.KindredException;
import io.kindred.api.crypto.Vault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An applicant's answers: checked against the campaign's form, the identity number sealed with the
 * {@link Vault} before it is stored, and shown masked everywhere except the operator's application detail.
 */
final class Answers {

    /** A social account: platform (e.g. douyin, xiaohongshu, weibo), handle and followers. */
    record SocialAccount(String platform, String handle, long followers) {
    }

    /** What an applicant sends; only the form's fields are kept, its required ones must be there. */
    record Body(Optional<String> name, Optional<String> phone, Optional<String> address, Optional<String> identityType,
                Optional<String> identityNumber, Optional<List<String>> talents, Optional<List<String>> contentTypes,
                Optional<List<SocialAccount>> socialAccounts, Optional<List<String>> sampleLinks,
                Optional<String> freeText) {
    }

    static final List<String> IDENTITY_TYPES = List.of("id_card", "passport", "hk_macao_permit", "taiwan_permit", "other");

    private final Vault vault;

    Answers(Vault vault) {
        this.vault = vault;
    }

    /** @return the answers to store, identity number sealed; a 400 naming the first missing or wrong field */
    Map<String, Object> sealed(Campaign c, Body b) {
        Map<String, Object> m = new LinkedHashMap<>();
        text(c, FieldType.NAME, "name", b.name(), 100).ifPresent(v -> m.put("name", v));
        text(c, FieldType.PHONE, "phone", b.phone(), 30).ifPresent(v -> m.put("phone", phone(v)));
        text(c, FieldType.ADDRESS, "address", b.address(), 500).ifPresent(v -> m.put("address", v));
        identity(c, b).ifPresent(v -> m.put("identity", v));
        words(c, FieldType.TALENTS, "talents", b.talents()).ifPresent(v -> m.put("talents", v));
        words(c, FieldType.CONTENT_TYPES, "contentTypes", b.contentTypes()).ifPresent(v -> m.put("contentTypes", v));
        accounts(c, b.socialAccounts()).ifPresent(v -> m.put("socialAccounts", v));
        links(c, b.sampleLinks()).ifPresent(v -> m.put("sampleLinks", v));
        text(c, FieldType.FREE_TEXT, "freeText", b.freeText(), 5000).ifPresent(v -> m.put("freeText", v));
        return m;
    }

    /**
     * @param stored   answers as stored
     * @param unmasked true only for the operator's application detail
     * @return the answers to show, the identity number opened and, unless {@code unmasked}, masked
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> view(Map<String, Object> stored, boolean unmasked) {
        Map<String, Object> m = new LinkedHashMap<>(stored);
        if (stored.get("identity") instanceof Map<?, ?> id) {
            Map<String, Object> shown = new LinkedHashMap<>((Map<String, Object>) id);
            try {
                String plain = vault.open((String) shown.get("number"));
                shown.put("number", unmasked ? plain : vault.mask(plain));
            } catch (IllegalArgumentException lostKey) {
                // Sealed with a key this site no longer has (keys/vault.key lost): say so, never fail the page.
                shown.put("number", null);
                shown.put("unreadable", true);
            }
            m.put("identity", shown);
        }
        return m;
    }

    private Optional<Map<String, Object>> identity(Campaign c, Body b) {
        Optional<String> type = text(c, FieldType.IDENTITY, "identityType", b.identityType(), 30);
        Optional<String> number = text(c, FieldType.IDENTITY, "identityNumber", b.identityNumber(), 40);
        if (type.isEmpty() && number.isEmpty()) {
            return Optional.empty();
        }
        if (type.isEmpty() || number.isEmpty()) {
            throw KindredException.missingField(type.isEmpty() ? "identityType" : "identityNumber");
        }
        if (!IDENTITY_TYPES.contains(type.get())) {
            throw KindredException.invalidField("The field 'identityType' must be one of " + IDENTITY_TYPES + ".");
        }
        String n = number.get().replace(" ", "").toUpperCase();
        if (!n.matches("[A-Z0-9-]{4,30}")) {
            throw KindredException.invalidField("The field 'identityNumber' must be 4 to 30 letters and digits.");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type.get());
        m.put("number", vault.seal(n));
        return Optional.of(m);
    }

    private static Optional<String> text(Campaign c, FieldType type, String field, Optional<String> value, int max) {
        Optional<String> v = c.asks(type) ? value.map(String::strip).filter(s -> !s.isEmpty()) : Optional.empty();
        if (v.isEmpty() && c.requires(type)) {
            throw KindredException.missingField(field);
        }
        if (v.isPresent() && v.get().length() > max) {
            throw KindredException.invalidField("The field '" + field + "' must be at most " + max + " characters.");
        }
        return v;
    }

    private static String phone(String v) {
        if (!v.matches("\\+?[0-9][0-9 -]{5,24}")) {
            throw KindredException.invalidField("The field 'phone' must be a phone number.");
        }
        return v;
    }

    private static Optional<List<String>> words(Campaign c, FieldType type, String field, Optional<List<String>> value) {
        List<String> v = c.asks(type) ? clean(value) : List.of();
        if (v.isEmpty() && c.requires(type)) {
            throw KindredException.missingField(field);
        }
        if (v.size() > 20 || v.stream().anyMatch(s -> s.length() > 60)) {
            throw KindredException.invalidField("The field '" + field + "' takes at most 20 words of 60 characters.");
        }
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private static Optional<List<Object>> accounts(Campaign c, Optional<List<SocialAccount>> value) {
        List<Object> list = new ArrayList<>();
        for (SocialAccount a : c.asks(FieldType.SOCIAL_ACCOUNTS) ? value.orElse(List.of()) : List.<SocialAccount>of()) {
            if (a.platform().isBlank() || a.handle().isBlank() || a.platform().length() > 40 || a.handle().length() > 100
                    || a.followers() < 0) {
                throw KindredException.invalidField("A social account needs a platform, a handle and followers (0 or more).");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("platform", a.platform().strip());
            m.put("handle", a.handle().strip());
            m.put("followers", a.followers());
            list.add(m);
        }
        if (list.size() > 10) {
            throw KindredException.invalidField("The field 'socialAccounts' takes at most 10 accounts.");
        }
        if (list.isEmpty() && c.requires(FieldType.SOCIAL_ACCOUNTS)) {
            throw KindredException.missingField("socialAccounts");
        }
        return list.isEmpty() ? Optional.empty() : Optional.of(list);
    }

    private static Optional<List<String>> links(Campaign c, Optional<List<String>> value) {
        List<String> v = c.asks(FieldType.SAMPLE_LINKS) ? clean(value) : List.of();
        if (v.isEmpty() && c.requires(FieldType.SAMPLE_LINKS)) {
            throw KindredException.missingField("sampleLinks");
        }
        if (v.size() > 10 || v.stream().anyMatch(l -> !l.matches("https?://\\S{1,490}"))) {
            throw KindredException.invalidField("The field 'sampleLinks' takes at most 10 links starting with https://.");
        }
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private static List<String> clean(Optional<List<String>> value) {
        return value.orElse(List.of()).stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
    }
}
