package io.kindred.server.users;

import io.kindred.api.users.Member;
import io.kindred.api.users.Role;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A member's account as stored. */
public record UserRow(long id, String email, String phone, String passwordHash, String displayName, String avatar,
                      String birthday, String shippingAddress, String locale, String referralCode,
                      String referredByCode, long totalSpent, String lastPurchaseDay, String status,
                      Instant createdAt, Set<Role> roles) {

    public Member toMember() {
        return new Member(id, email, displayName, roles, locale, birthdayDay());
    }

    /** @return the stored birthday as a day, or null when there is none (or it is not a day) */
    public LocalDate birthdayDay() {
        if (birthday == null || birthday.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(birthday.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public List<String> roleCodes() {
        return roles.stream().sorted().map(Role::code).toList();
    }

    /** The contract's user object: {@code {id,email,displayName,roles}} plus the member's own profile. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("email", email);
        m.put("displayName", displayName);
        m.put("roles", roleCodes());
        m.put("phone", phone);
        m.put("avatar", avatar);
        m.put("birthday", birthday);
        m.put("shippingAddress", shippingAddress == null ? null : io.kindred.server.web.Json.readMap(shippingAddress));
        m.put("locale", locale);
        m.put("referralCode", referralCode);
        m.put("createdAt", createdAt);
        return m;
    }

    /** @return the member as lists show them (search, segments, their CSV export), with their labels */
    public Map<String, Object> summary(Object labels) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id());
        m.put("email", email());
        m.put("phone", phone());
        m.put("displayName", displayName());
        m.put("roles", roleCodes());
        m.put("labels", labels);
        m.put("totalSpent", totalSpent());
        m.put("lastPurchaseDay", lastPurchaseDay());
        m.put("status", status());
        m.put("createdAt", createdAt());
        return m;
    }
}
