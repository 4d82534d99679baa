package io.kindred.server.staff;

import io.javalin.http.Context;
import io.kindred.server.web.Auth;
import io.kindred.server.web.Principal;

import java.util.function.BiConsumer;

/**
 * What a console page or admin API route checks of an operator's or administrator's session: while
 * {@value SecondFactor#REQUIRED} is on, a staff member without TOTP is sent to set it up (a page) or refused
 * with 403 {@code totp_enrolment_required} (the API). API keys are not sessions and are not asked.
 */
public final class StaffGate implements BiConsumer<Context, Principal> {

    /** Where a browser is sent to set up TOTP. */
    public static final String ENROL_PAGE = "/account/security?required=1#totp";

    private final SecondFactor secondFactor;

    public StaffGate(SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
    }

    @Override
    public void accept(Context ctx, Principal who) {
        if (!secondFactor.requiredFor(who.member()) || secondFactor.isOn(who.member().id())) {
            return;
        }
        if (!Auth.isApi(ctx) && ("GET".equals(ctx.method().name()) || "HEAD".equals(ctx.method().name()))) {
            throw Auth.SignInRequired.to(ENROL_PAGE);
        }
        throw new io.kindred.api.KindredException(SecurityError.TOTP_ENROLMENT_REQUIRED,
                "This site requires operators and administrators to sign in with TOTP: set it up on /account/security first.");
    }
}
