package io.kindred.plugins.creators.agencies;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.creators.CreatorService;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.users.Member;
import io.kindred.api.web.UploadedFile;
import org.jdbi.v3.core.Handle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * Contracts between agencies and creators. A creator has at most one contract at a time: a contract whose days meet
 * another one's (not terminated) is refused with 409 {@code contract_exists}, checked in the writing transaction.
 * A renewal is a new contract from the day after the old one's last day (or today, when that is past), linked to
 * it; a termination ends it now, with a reason. Both are audited. Contracts past their last day end by themselves.
 */
final class Contracts {

    /** Whether only certified creators may sign, once the roster provides {@link CreatorService}. */
    static final SettingDefinition<Boolean> CERTIFIED_ONLY = SettingDefinition.bool("agencyContractsCertifiedOnly", true,
            "Only certified creators may sign a contract with an agency (while a provider of CreatorService runs).");

    /** The largest terms file kept. */
    static final int MAX_TERMS_BYTES = 5 * 1024 * 1024;

    private final PluginContext ctx;
    private final ContractStore store;
    private final Agencies agencies;

    Contracts(PluginContext ctx, ContractStore store, Agencies agencies) {
        this.ctx = ctx;
        this.store = store;
        this.agencies = agencies;
    }

    Contract create(Member operator, long agencyId, long userId, String startsOn, String endsOn, BigDecimal sharePercent) {
        LocalDate start = day(startsOn, "startsOn");
        LocalDate end = day(endsOn, "endsOn");
        int bp = basisPoints(sharePercent);
        requireCreator(userId);
        return ctx.db().write(tx -> {
            Contract c = insert(tx, agencyId, userId, start, end, bp, null);
            ctx.audit().record(tx, operator, "creators.contract_created", target(c.id()), "Contract of member #" + userId
                    + " with agency #" + agencyId + ", " + start + " to " + end + ", share " + c.sharePercent() + "%.");
            return c;
        });
    }

    Contract renew(Member operator, long id, String endsOn, BigDecimal sharePercent) {
        LocalDate end = day(endsOn, "endsOn");
        return ctx.db().write(tx -> {
            Contract old = find(tx, id);
            if ("terminated".equals(old.status())) {
                throw new KindredException(AgencyError.WRONG_STATUS, "Contract " + id + " was terminated: sign a new one instead.");
            }
            LocalDate start = old.endsOn().plusDays(1).isBefore(ctx.today()) ? ctx.today() : old.endsOn().plusDays(1);
            int bp = sharePercent == null ? old.shareBp() : basisPoints(sharePercent);
            Contract c = insert(tx, old.agencyId(), old.userId(), start, end, bp, id);
            ctx.audit().record(tx, operator, "creators.contract_renewed", target(id), "Renewed by contract " + c.id()
                    + ", " + start + " to " + end + ", share " + c.sharePercent() + "%.");
            ctx.audit().record(tx, operator, "creators.contract_created", target(c.id()), "Renewal of contract " + id + ".");
            return c;
        });
    }

    Contract terminate(Member operator, long id, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw KindredException.invalidField("The field 'reason' must say why, 1 to 500 characters.");
        }
        return ctx.db().write(tx -> {
            Contract c = find(tx, id);
            if (!"active".equals(c.statusOn(ctx.today())) || !store.terminate(tx, id, reason.strip(), ctx.clock().millis())) {
                throw new KindredException(AgencyError.WRONG_STATUS, "Contract " + id + " is " + c.statusOn(ctx.today())
                        + ": only an active contract can be terminated.");
            }
            ctx.audit().record(tx, operator, "creators.contract_terminated", target(id), "Terminated: " + reason.strip());
            return find(tx, id);
        });
    }

    Contract uploadTerms(Member operator, long id, UploadedFile file) {
        if (file.size() > MAX_TERMS_BYTES) {
            throw new KindredException(AgencyError.TERMS_TOO_LARGE, "The terms file may be at most 5 MiB.");
        }
        String type = TermsFiles.contentType(file.bytes()).orElseThrow(() -> new KindredException(AgencyError.TERMS_TYPE,
                "The terms file must be a PDF, PNG, JPEG or WebP."));
        String name = TermsFiles.safeName(file.fileName(), type);
        return ctx.db().write(tx -> {
            find(tx, id);
            store.saveTerms(tx, new ContractStore.Terms(id, name, type, file.bytes()),
                    Base64.getEncoder().encodeToString(file.bytes()), ctx.clock().millis());
            ctx.audit().record(tx, operator, "creators.contract_terms_uploaded", target(id),
                    "Terms file '" + name + "' (" + file.size() + " bytes).");
            return find(tx, id);
        });
    }

    ContractStore.Terms terms(long id) {
        return ctx.db().read(h -> store.terms(h, id))
                .orElseThrow(() -> KindredException.notFound("Contract " + id + " has no terms file."));
    }

    Contract find(long id) {
        return ctx.db().read(h -> find(h, id));
    }

    List<Contract> ofAgency(long agencyId, long before, int limit) {
        return ctx.db().read(h -> store.ofAgency(h, agencyId, before, limit));
    }

    List<Contract> inForce(long agencyId) {
        return ctx.db().read(h -> store.inForce(h, agencyId, ctx.today()));
    }

    /** The daily job: active contracts past their last day become ended. @return how many */
    long endPast(Instant now) {
        return ctx.db().write(tx -> store.endPast(tx, LocalDate.ofInstant(now, ctx.siteZone()), now.toEpochMilli()));
    }

    static String target(long contractId) {
        return "creators:contract:" + contractId;
    }

    private Contract find(Handle h, long id) {
        return store.find(h, id).orElseThrow(() -> KindredException.notFound("There is no contract " + id + "."));
    }

    private Contract insert(Handle tx, long agencyId, long userId, LocalDate start, LocalDate end, int bp, Long renewedFrom) {
        if (end.isBefore(start)) {
            throw KindredException.invalidField("The field 'endsOn' must not be before 'startsOn' (" + start + ").");
        }
        Agency agency = agencies.find(tx, agencyId);
        if (!"active".equals(agency.status())) {
            throw new KindredException(AgencyError.AGENCY_NOT_ACTIVE, "Agency '" + agency.name() + "' is " + agency.status()
                    + ": it cannot sign contracts.");
        }
        List<Contract> clash = store.overlapping(tx, userId, start, end);
        if (!clash.isEmpty()) {
            Contract other = clash.get(0);
            throw new KindredException(AgencyError.CONTRACT_EXISTS, "Member #" + userId + " is under contract " + other.id()
                    + " (agency #" + other.agencyId() + ", " + other.startsOn() + " to " + other.endsOn()
                    + "): one contract at a time.");
        }
        return find(tx, store.insert(tx, agencyId, userId, start, end, bp, renewedFrom, ctx.clock().millis()));
    }

    /**
     * Any member may sign while no plugin provides {@link CreatorService}; once one does, only certified creators,
     * unless the operator turned {@link #CERTIFIED_ONLY} off.
     */
    private void requireCreator(long userId) {
        ctx.members().find(userId).orElseThrow(() -> KindredException.notFound("There is no member " + userId + "."));
        boolean refused = ctx.settings().get(CERTIFIED_ONLY) && ctx.services().find(CreatorService.class).map(s -> !s.isCertified(userId)).orElse(false);
        if (refused) {
            throw new KindredException(AgencyError.NOT_A_CREATOR, "Member #" + userId + " is not a certified creator.");
        }
    }

    private static LocalDate day(String value, String field) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw KindredException.invalidField("The field '" + field + "' must be a day, YYYY-MM-DD.");
        }
    }

    /** @return percent with at most two decimals, 0 to 100, as basis points */
    static int basisPoints(BigDecimal percent) {
        if (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0
                || percent.stripTrailingZeros().scale() > 2) {
            throw KindredException.invalidField("The field 'sharePercent' must be a percentage from 0 to 100 with at most two decimals.");
        }
        return percent.movePointRight(2).intValue();
    }
}
