package io.kindred.server.kpis;

import java.util.List;

/**
 * Every figure of the KPI dashboard over one period, as {@code GET /api/v1/admin/kpis} answers it. Money is
 * in minor units of its currency, one entry per currency; rates are fractions (0.25 is 25 %), null when
 * their denominator is zero. The formulas are in {@link Kpis} and docs/operator-guide.md.
 *
 * @param from              first day of the period (site time zone)
 * @param to                last day, included
 * @param timezone          the site's time zone
 * @param members           members, new and active
 * @param repeatPurchases   the repeat-purchase rate
 * @param revenue           net revenue and ARPU per currency
 * @param ltv               lifetime value per currency
 * @param points            points flows, redemption rate and liability
 * @param seriesUnit        {@code day} (periods up to 92 days) or {@code month}
 * @param series            the chart's buckets
 * @param months            the calendar months the period touches, each cut to the period
 * @param cohorts           monthly cohort retention, oldest cohort first
 */
public record KpiReport(String from, String to, String timezone, Members members, RepeatPurchases repeatPurchases,
                        List<Revenue> revenue, List<Ltv> ltv, Points points, String seriesUnit, List<Bucket> series,
                        List<Month> months, List<Cohort> cohorts) {

    /**
     * @param total  accounts that existed at the end of the period
     * @param joined accounts created in the period
     * @param active members with a sign-in or a ledger movement in the period
     */
    public record Members(long total, long joined, long active) {
    }

    /**
     * @param buyers       members with at least one purchase (not refunded) in the period
     * @param repeatBuyers those of them with two or more
     * @param rate         repeatBuyers / buyers
     */
    public record RepeatPurchases(long buyers, long repeatBuyers, Double rate) {
    }

    /**
     * @param currency  ISO code
     * @param net       purchases made in the range and not refunded
     * @param purchases how many
     * @param buyers    by how many members
     * @param arpu      net / active members of the same range, rounded to a minor unit; null without active members
     */
    public record Revenue(String currency, long net, long purchases, long buyers, Long arpu) {
    }

    /**
     * @param currency        ISO code
     * @param lifetimeRevenue every purchase not refunded up to the end of the period
     * @param buyers          members who made one
     * @param ltv             lifetimeRevenue / buyers, rounded to a minor unit
     */
    public record Ltv(String currency, long lifetimeRevenue, long buyers, long ltv) {
    }

    /**
     * @param issued           credited to members from the platform (not returned redemptions)
     * @param clawedBack       taken back because the purchase that earned them was refunded
     * @param spent            members redeemed or paid with (gross)
     * @param returned         given back for a cancelled redemption
     * @param takenBack        expired or adjusted down
     * @param redemptionRate   (spent - returned) / (issued - clawedBack)
     * @param outstanding      what members hold now
     * @param value            outstanding at the {@code kpis.point-value} rate, minor units; null when unset
     * @param valueCurrency    the currency of {@code value} ({@code kpis.point-currency})
     */
    public record Points(long issued, long clawedBack, long spent, long returned, long takenBack,
                         Double redemptionRate, long outstanding, Long value, String valueCurrency) {
    }

    /**
     * @param label       the day (YYYY-MM-DD) or month (YYYY-MM)
     * @param joined      new members
     * @param pointsIssued points issued
     * @param pointsSpent  points spent less returned
     */
    public record Bucket(String label, long joined, long pointsIssued, long pointsSpent) {
    }

    /**
     * @param month   YYYY-MM
     * @param from    first day counted (the period may start within the month)
     * @param to      last day counted
     * @param joined  new members
     * @param active  active members
     * @param revenue net revenue and ARPU of those days, per currency
     */
    public record Month(String month, String from, String to, long joined, long active, List<Revenue> revenue) {
    }

    /**
     * @param month     the sign-up month, YYYY-MM
     * @param size      members who signed up in it
     * @param active    how many of them were active in month +0, +1, ... (up to the period's last month)
     * @param retention active / size for each
     */
    public record Cohort(String month, long size, List<Long> active, List<Double> retention) {
    }
}
