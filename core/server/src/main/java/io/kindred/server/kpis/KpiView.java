package io.kindred.server.kpis;

import io.kindred.server.kpis.KpiReport.Cohort;
import io.kindred.server.kpis.KpiReport.Revenue;
import io.kindred.server.web.Json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a {@link KpiReport} into what the dashboard template shows: amounts written in major units of their
 * currency, rates as percentages ("—" when there is nothing to divide by), the chart data as attributes.
 */
public final class KpiView {

    private KpiView() {
    }

    public static Map<String, Object> model(KpiReport r) {
        Map<String, Object> m = new HashMap<>();
        m.put("report", r);
        m.put("repeatRate", percent(r.repeatPurchases().rate()));
        m.put("revenue", r.revenue().stream().map(KpiView::revenue).toList());
        m.put("ltv", r.ltv().stream().map(l -> Map.of("currency", l.currency(), "ltv", money(l.ltv(), l.currency()),
                "lifetime", money(l.lifetimeRevenue(), l.currency()), "buyers", l.buyers())).toList());
        m.put("redemptionRate", percent(r.points().redemptionRate()));
        m.put("pointsValue", r.points().value() == null ? "" : money(r.points().value(), r.points().valueCurrency()));
        m.put("months", r.months().stream().map(x -> Map.of("month", x.month(), "from", x.from(), "to", x.to(),
                "joined", x.joined(), "active", x.active(),
                "revenue", x.revenue().stream().map(KpiView::revenue).toList())).toList());
        m.put("cohorts", r.cohorts().stream().map(KpiView::cohort).toList());
        m.put("cohortOffsets", java.util.stream.IntStream.range(0, Kpis.COHORTS).boxed().toList());
        m.put("chartLabels", Json.write(r.series().stream().map(KpiReport.Bucket::label).toList()));
        m.put("chartMembers", Json.write(r.series().stream().map(KpiReport.Bucket::joined).toList()));
        m.put("chartPoints", Json.write(r.series().stream().map(KpiReport.Bucket::pointsIssued).toList()));
        m.put("activeLabels", r.months().stream().map(KpiReport.Month::month).collect(Collectors.joining(",")));
        m.put("activeValues", r.months().stream().map(x -> String.valueOf(x.active())).collect(Collectors.joining(",")));
        return m;
    }

    private static Map<String, Object> revenue(Revenue x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("currency", x.currency());
        m.put("net", money(x.net(), x.currency()));
        m.put("arpu", x.arpu() == null ? "—" : money(x.arpu(), x.currency()));
        m.put("purchases", x.purchases());
        m.put("buyers", x.buyers());
        return m;
    }

    private static Map<String, Object> cohort(Cohort c) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int k = 0; k < Kpis.COHORTS; k++) {
            boolean known = k < c.active().size();
            cells.add(Map.of("known", known, "share", known ? percent(c.retention().get(k)) : "",
                    "active", known ? c.active().get(k) : 0L));
        }
        return Map.of("month", c.month(), "size", c.size(), "cells", cells);
    }

    /** @return e.g. "25.0 %", or "—" for no rate */
    static String percent(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }

    /** @return e.g. "1234.50 CNY" from 123450 minor units, with the currency's own number of decimals */
    static String money(long minor, String currency) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return BigDecimal.valueOf(minor, digits).toPlainString() + " " + currency;
    }
}
