package io.kindred.plugins.distribution;

/** Amounts in minor units (分) written for people: {@code 1234, CNY} is {@code 12.34 CNY}. */
final class Money {

    private Money() {
    }

    static String format(long minor, String currency) {
        String sign = minor < 0 ? "-" : "";
        long abs = Math.abs(minor);
        return sign + (abs / 100) + "." + String.format("%02d", abs % 100) + " " + currency;
    }

    /** @return basis points as a percentage, e.g. {@code 1250} is {@code 12.5%} */
    static String percent(int basisPoints) {
        String s = java.math.BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString();
        return s + "%";
    }
}
