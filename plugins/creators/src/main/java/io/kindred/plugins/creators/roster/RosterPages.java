package io.kindred.plugins.creators.roster;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** The member pages: {@code /creators/me} with the certificate downloads, and the public {@code /certificates/{code}}. */
final class RosterPages {

    private final PluginContext ctx;
    private final CreatorStore store;
    private final MemberView view;
    private final Onboarding onboarding;
    private final Certificates certificates;

    RosterPages(PluginContext ctx, CreatorStore store, MemberView view, Onboarding onboarding, Certificates certificates) {
        this.ctx = ctx;
        this.store = store;
        this.view = view;
        this.onboarding = onboarding;
        this.certificates = certificates;
    }

    void me(Exchange x) {
        Map<String, Object> model = new HashMap<>(view.me(x.requireMember()));
        x.render("creators/roster/me", model);
    }

    void tick(Exchange x) {
        Member me = x.requireMember();
        ctx.db().read(h -> store.find(h, me.id())).filter(Creator::certified).orElseThrow(() ->
                new KindredException(RosterError.CREATOR_NOT_FOUND, "You are not a certified creator."));
        onboarding.tick(me, x.pathParam("code"));
        x.redirect("/creators/me");
    }

    void png(Exchange x) {
        x.download("certificate.png", "image/png", certificates.png(layout(x)));
    }

    void pdf(Exchange x) {
        x.download("certificate.pdf", "application/pdf", certificates.pdf(layout(x)));
    }

    /** {@code GET /certificates/{code}}: anyone may check a certificate; an unknown code is a 404 page. */
    void verify(Exchange x) {
        x.render("creators/roster/verify", new HashMap<>(Map.of("certificate", view.certificate(x.pathParam("code")))));
    }

    private Properties layout(Exchange x) {
        Member me = x.requireMember();
        Creator c = ctx.db().read(h -> store.find(h, me.id())).filter(Creator::certified).orElseThrow(() ->
                new KindredException(RosterError.CERTIFICATE_NOT_FOUND, "You hold no valid certificate."));
        Map<String, Object> facts = view.certificate(c.certificateCode());
        Map<String, Object> model = new HashMap<>();
        model.put("siteName", Certificates.value(ctx.settings().raw("site.name").orElse("Kindred")));
        model.put("name", Certificates.value((String) facts.get("name")));
        model.put("title", Certificates.value(c.title()));
        model.put("category", Certificates.value(c.category()));
        model.put("level", c.level());
        model.put("certifiedOn", facts.get("certifiedOn"));
        model.put("code", c.certificateCode());
        return Certificates.layout(ctx.renderText(Certificates.TEMPLATE, model, x.locale()));
    }
}
