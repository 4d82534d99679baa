package io.kindred.server.users;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.Handle;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports the brand's existing customers ("cold start from old users") from CSV with a header row:
 * {@code email, phone, name, external_id, external_system, total_spent, last_purchase_date, labels, points}.
 * Each row needs an email or a phone. A row is matched to an existing member by external id, then email,
 * then phone, so importing the same file again updates instead of duplicating. Rows are committed in
 * chunks; a bad row is rejected with its reason and does not stop the others. {@code points} is an opening
 * balance carried over from another loyalty program, booked once per member (ledger key
 * {@code import:opening-points:<id>}); a row with {@code total_spent} publishes {@code customer.imported}, from
 * which the membership plugin counts historic spend toward tiers (once per member).
 */
public final class CustomerImport {

    /** Per-row outcome. */
    public record RowResult(long row, String outcome, Long userId, String reason) {
    }

    /** The report of one import. */
    public record Report(int imported, int updated, int rejected, List<RowResult> rows) {
    }

    private static final Set<String> COLUMNS = Set.of("email", "phone", "name", "external_id", "external_system",
            "total_spent", "last_purchase_date", "labels", "points");
    /** Reason of the opening balance's ledger entry. */
    public static final String OPENING_REASON = "import.opening_balance";
    private static final int CHUNK = 500;

    private final Database db;
    private final UserStore users;
    private final Accounts accounts;
    private final Clock clock;
    private final io.kindred.api.ledger.Ledger ledger;
    private final io.kindred.api.events.Events events;
    private final io.kindred.server.audit.AuditLog audit;

    /** The audit action of an import (the dashboard's getting-started checklist looks for it). */
    public static final String AUDIT_ACTION = "members.imported";

    public CustomerImport(Database db, UserStore users, Accounts accounts, io.kindred.api.ledger.Ledger ledger,
                          io.kindred.api.events.Events events, io.kindred.server.audit.AuditLog audit, Clock clock) {
        this.audit = audit;
        this.ledger = ledger;
        this.events = events;
        this.db = db;
        this.users = users;
        this.accounts = accounts;
        this.clock = clock;
    }

    public Report run(String csv) {
        return run(csv, (done, total) -> { });
    }

    /** Imports and records in the audit log who did it and what came of it. */
    public Report run(String csv, String actor, String fileName, Progress progress) {
        Report report = run(csv, progress);
        audit.record(actor, AUDIT_ACTION, "import:" + fileName, report.imported() + " imported, " + report.updated()
                + " updated, " + report.rejected() + " rejected.");
        return report;
    }

    /** Receives how many rows are done after each committed chunk. */
    @FunctionalInterface
    public interface Progress {
        void rowsDone(int done, int total);
    }

    /** Imports, telling {@code progress} after each committed chunk of rows. */
    public Report run(String csv, Progress progress) {
        Parsed parsed = parse(csv);
        List<CSVRecord> records = parsed.records();
        List<String> header = parsed.header();
        List<RowResult> results = new ArrayList<>();
        for (int from = 0; from < records.size(); from += CHUNK) {
            List<CSVRecord> chunk = records.subList(from, Math.min(records.size(), from + CHUNK));
            results.addAll(db.write(h -> {
                List<RowResult> out = new ArrayList<>();
                for (CSVRecord rec : chunk) {
                    out.add(importRow(h, rec, header));
                }
                return out;
            }));
            progress.rowsDone(results.size(), records.size());
        }
        int imported = (int) results.stream().filter(r -> r.outcome().equals("imported")).count();
        int updated = (int) results.stream().filter(r -> r.outcome().equals("updated")).count();
        return new Report(imported, updated, results.size() - imported - updated, results);
    }

    /** A file's header and rows. */
    public record Parsed(List<String> header, List<CSVRecord> records) {
    }

    /** Reads the file and checks its header; 400 {@code invalid_csv} with a sentence when it cannot be imported. */
    public Parsed parse(String csv) {
        List<CSVRecord> records;
        List<String> header;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setTrim(true).get()
                .parse(new StringReader(csv == null ? "" : csv.replace("\uFEFF", "")))) {
            header = parser.getHeaderNames().stream().map(h -> h.trim().toLowerCase()).toList();
            records = parser.getRecords();
        } catch (IOException | RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw KindredException.badRequest("invalid_csv", "The file is not readable CSV: " + root.getMessage());
        }
        if (!header.contains("email") && !header.contains("phone")) {
            throw KindredException.badRequest("invalid_csv", "The CSV needs a header row with an email or a phone column.");
        }
        for (String h : header) {
            if (!COLUMNS.contains(h)) {
                throw KindredException.badRequest("invalid_csv", "Unknown column '" + h + "'; the columns are " + String.join(", ", COLUMNS) + ".");
            }
        }
        return new Parsed(header, records);
    }

    private RowResult importRow(Handle h, CSVRecord rec, List<String> header) {
        long row = rec.getRecordNumber() + 1; // the header is row 1
        Map<String, String> v = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < rec.size(); i++) {
            String value = rec.get(i);
            if (value != null && !value.isBlank()) {
                v.put(header.get(i), value.strip());
            }
        }
        String savepoint = "row" + row;
        h.savepoint(savepoint);
        try {
            RowResult r = apply(h, row, v);
            h.release(savepoint);
            return r;
        } catch (KindredException e) {
            h.rollbackToSavepoint(savepoint);
            return new RowResult(row, "rejected", null, e.getMessage());
        }
    }

    private RowResult apply(Handle h, long row, Map<String, String> v) {
        String email = v.containsKey("email") ? Accounts.normaliseEmail(v.get("email")) : null;
        String phone = v.containsKey("phone") ? Accounts.normalisePhone(v.get("phone")) : null;
        if (email == null && phone == null) {
            throw KindredException.missingField("email");
        }
        String system = v.getOrDefault("external_system", "shop");
        String externalId = v.get("external_id");
        if (externalId != null && externalId.length() > 100) {
            throw KindredException.invalidField("The external_id is longer than 100 characters.");
        }
        Long spent = v.containsKey("total_spent") ? minorUnits(v.get("total_spent")) : null;
        Long points = v.containsKey("points") ? points(v.get("points")) : null;
        String lastDay = v.containsKey("last_purchase_date") ? day(v.get("last_purchase_date")) : null;
        String name = v.containsKey("name") ? Accounts.checkDisplayName(v.get("name"))
                : (email != null ? email.substring(0, email.indexOf('@')) : "Member " + phone.substring(Math.max(0, phone.length() - 4)));

        Optional<UserRow> existing = Optional.empty();
        if (externalId != null) {
            existing = users.byExternalId(h, system, externalId);
        }
        if (existing.isEmpty() && email != null) {
            existing = users.byEmail(h, email);
        }
        if (existing.isEmpty() && phone != null) {
            existing = users.byPhone(h, phone);
        }
        long now = clock.millis();
        long id;
        String outcome;
        if (existing.isPresent()) {
            id = existing.get().id();
            if (email != null && existing.get().email() != null && !existing.get().email().equals(email)) {
                throw KindredException.conflict("conflict", "Row matches member " + id + " whose email is different.");
            }
            if (email != null && existing.get().email() == null && users.byEmail(h, email).isPresent()) {
                throw new KindredException(CoreError.EMAIL_TAKEN, "The email belongs to another member.");
            }
            if (phone != null && users.byPhone(h, phone).filter(u -> u.id() != id).isPresent()) {
                throw new KindredException(CoreError.PHONE_TAKEN, "The phone belongs to another member.");
            }
            users.cache().forgetUser(h, id);
            h.createUpdate("""
                            UPDATE users SET email = COALESCE(email, :email), phone = COALESCE(:phone, phone),
                                   display_name = :name, total_spent = COALESCE(:spent, total_spent),
                                   last_purchase_day = COALESCE(:day, last_purchase_day), updated_at = :now
                             WHERE id = :id""")
                    .bind("email", email).bind("phone", phone).bind("name", v.containsKey("name") ? name : existing.get().displayName())
                    .bind("spent", spent).bind("day", lastDay).bind("now", now).bind("id", id).execute();
            outcome = "updated";
        } else {
            if (phone != null && users.byPhone(h, phone).isPresent()) {
                throw new KindredException(CoreError.PHONE_TAKEN, "The phone belongs to another member.");
            }
            id = users.insert(h, email, phone, null, name, null, now);
            h.createUpdate("UPDATE users SET total_spent = :spent, last_purchase_day = :day WHERE id = :id")
                    .bind("spent", spent == null ? 0 : spent).bind("day", lastDay).bind("id", id).execute();
            accounts.recordConsent(h, id, "import");
            accounts.publishRegistered(h, id, email, name, null, null, "import");
            outcome = "imported";
        }
        if (externalId != null) {
            users.linkExternalId(h, id, system, externalId, now).ifPresent(other -> {
                throw new KindredException(CoreError.EXTERNAL_ID_TAKEN, "The external id belongs to member " + other + ".");
            });
        }
        String note = carryOver(h, id, spent, points);
        if (v.containsKey("labels")) {
            for (String label : v.get("labels").split("[;|]")) {
                String l = label.strip();
                if (!l.isEmpty()) {
                    users.addLabel(h, id, checkLabel(l), now);
                }
            }
        }
        return new RowResult(row, outcome, id, note);
    }

    /**
     * Books the opening points balance once per member and announces the historic spend.
     *
     * @return a note for the report when the balance was booked by an earlier import, else null
     */
    private String carryOver(Handle h, long id, Long spent, Long points) {
        if (spent != null && spent > 0) {
            events.publish(h, "customer.imported", id, Map.of("userId", id, "totalSpent", spent));
        }
        if (points == null || points == 0) {
            return null;
        }
        try {
            boolean again = ledger.credit(h, id, "points", points, OPENING_REASON, "import",
                    "import:opening-points:" + id).replayed();
            return again ? "The opening points balance was booked by an earlier import; it is not booked again." : null;
        } catch (KindredException e) {
            if (e.code().equals("idempotency_conflict")) {
                return "An opening points balance of another amount was booked by an earlier import; it is not booked"
                        + " again (adjust the balance in the console instead).";
            }
            throw e;
        }
    }

    private static long points(String text) {
        try {
            long p = Long.parseLong(text.replace(",", "").strip());
            if (p < 0 || p > 1_000_000_000L) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw KindredException.invalidField("points must be a whole number of points from 0 to 1000000000.");
        }
    }

    public static String checkLabel(String label) {
        String l = label == null ? "" : label.strip();
        if (l.isEmpty() || l.length() > 40 || l.contains(",")) {
            throw KindredException.invalidField("A label is 1 to 40 characters without commas.");
        }
        return l;
    }

    private static long minorUnits(String text) {
        try {
            BigDecimal d = new BigDecimal(text.replace(",", ""));
            if (d.signum() < 0 || d.scale() > 2) {
                throw new NumberFormatException();
            }
            long minor = d.movePointRight(2).longValueExact();
            if (minor > io.kindred.server.web.Bodies.MAX_AMOUNT) {
                throw new NumberFormatException();
            }
            return minor;
        } catch (NumberFormatException | ArithmeticException e) {
            throw KindredException.invalidField("total_spent must be an amount like 1234.50.");
        }
    }

    private static String day(String text) {
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            throw KindredException.invalidField("last_purchase_date must be a date like 2025-12-31.");
        }
    }
}
