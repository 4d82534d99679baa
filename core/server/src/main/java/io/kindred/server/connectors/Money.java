package io.kindred.server.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.api.KindredException;
import io.kindred.server.purchases.Buyer;
import io.kindred.server.web.Bodies;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/** Shops send decimal amounts ("199.00"); Kindred keeps integers in the currency's minor units. */
final class Money {

    private Money() {
    }

    /** @return the ISO code, upper-case; an unknown one is refused */
    static String currency(String code) {
        String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(c);
            return c;
        } catch (IllegalArgumentException e) {
            throw KindredException.invalidField("The order's currency '" + c + "' is not an ISO 4217 code.");
        }
    }

    /**
     * @return {@code decimal} in minor units of {@code currency} (CNY and USD have 2 fraction digits, JPY none), exactly:
     * an amount with more digits than the currency has is refused rather than rounded
     */
    static long minorUnits(String decimal, String currency) {
        if (decimal == null || decimal.isBlank()) {
            throw KindredException.missingField("total");
        }
        int digits = Math.max(0, Currency.getInstance(currency(currency)).getDefaultFractionDigits());
        try {
            long minor = new BigDecimal(decimal.trim()).movePointRight(digits).longValueExact();
            if (minor < 0 || minor > Bodies.MAX_AMOUNT) {
                throw KindredException.invalidField("The order total " + decimal + " is out of range.");
            }
            return minor;
        } catch (NumberFormatException | ArithmeticException e) {
            throw KindredException.invalidField("The order total '" + decimal + "' is not an amount in " + currency + ".");
        }
    }

    /** @return a JSON field as text ("" when absent or null); numbers keep their digits */
    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? "" : v.asText("").trim();
    }

    /** @return the buyer from what the order says, or empty when it names nobody */
    static Optional<Buyer> buyer(String system, String customerId, String email, String phone, String name) {
        Optional<Buyer.ExternalRef> ref = customerId == null || customerId.isBlank() || customerId.equals("0")
                ? Optional.empty() : Optional.of(new Buyer.ExternalRef(system, customerId));
        Optional<String> e = Optional.ofNullable(email).filter(s -> !s.isBlank());
        Optional<String> p = Optional.ofNullable(phone).filter(s -> !s.isBlank()).flatMap(Money::phone);
        if (ref.isEmpty() && e.isEmpty() && p.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Buyer(Optional.empty(), ref, e, p, Optional.ofNullable(name).filter(s -> !s.isBlank())));
    }

    /** A phone the shop wrote in a way Kindred does not read (letters, brackets) is left out rather than refusing the order. */
    private static Optional<String> phone(String raw) {
        try {
            return Optional.of(io.kindred.server.users.Accounts.normalisePhone(raw.replace("(", "").replace(")", "")));
        } catch (KindredException e) {
            return Optional.empty();
        }
    }

    /** Single-line orders name their sku; an order of several lines has none (a purchase carries one sku at most). */
    static String singleSku(JsonNode lines, String field) {
        if (!lines.isArray() || lines.size() != 1) {
            return null;
        }
        String sku = text(lines.get(0), field);
        return sku.isEmpty() || sku.length() > 100 ? null : sku;
    }
}
