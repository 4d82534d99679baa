package io.kindred.plugins.creators.campaigns;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Member pages: {@code /creators} (open campaigns, my applications), a campaign's landing page and its form. */
final class CampaignPages {

    private static final Pattern FIELD = Pattern.compile("'([A-Za-z.]+)'");
    private static final int SOCIAL_ROWS = 3;

    private final PluginContext ctx;
    private final Campaigns campaigns;
    private final Applications applications;
    private final ApplicationStore store;
    private final ApplicationViews views;
    private final Categories categories;

    CampaignPages(PluginContext ctx, Campaigns campaigns, Applications applications, ApplicationStore store,
                  ApplicationViews views, Categories categories) {
        this.ctx = ctx;
        this.campaigns = campaigns;
        this.applications = applications;
        this.store = store;
        this.views = views;
        this.categories = categories;
    }

    /** {@code GET /creators}: campaigns taking applications, and the signed-in member's applications. */
    void index(Exchange x) {
        Map<String, Object> model = new HashMap<>();
        model.put("campaigns", campaigns.open(100).stream().map(c -> c.json(categories, x.locale())).toList());
        model.put("signedIn", x.member().isPresent());
        model.put("mine", x.member().map(m -> ctx.db().read(h -> store.ofMember(h, m.id(), Long.MAX_VALUE, 50)).stream()
                .map(views::masked).toList()).orElse(List.of()));
        x.render("creators/campaigns/index", model);
    }

    /** {@code GET /creators/campaigns/{id}}: anyone reads it; the form for signed-in members while it is open. */
    void campaign(Exchange x) {
        Campaign c = campaigns.findPublished(x.pathParamAsId("id"));
        Optional<Member> me = x.member();
        Map<String, Object> model = new HashMap<>();
        model.put("campaign", c.json(categories, x.locale()));
        model.put("fields", c.form().stream().map(FormField::json).toList());
        model.put("asks", c.form().stream().map(FormField::type).toList());
        model.put("closedReason", closedReason(c));
        model.put("signedIn", me.isPresent());
        model.put("signinUrl", "/signin?next=" + URLEncoder.encode("/creators/campaigns/" + c.id(), StandardCharsets.UTF_8));
        model.put("applied", me.flatMap(m -> ctx.db().read(h -> store.ofMember(h, m.id(), Long.MAX_VALUE, 200)).stream()
                .filter(a -> a.campaignId() == c.id()).findFirst()).map(Application::status).orElse(null));
        model.put("identityTypes", Answers.IDENTITY_TYPES);
        model.put("socialRows", List.of(1, 2, 3));
        model.put("error", x.query("error").filter(e -> e.matches("[a-z_]{1,40}")).orElse(null));
        model.put("errorField", x.query("field").filter(e -> e.matches("[A-Za-z.]{1,40}")).orElse(null));
        x.render("creators/campaigns/campaign", model);
    }

    /** {@code POST /creators/campaigns/{id}/apply}: the form, without JavaScript. */
    void apply(Exchange x) {
        long id = x.pathParamAsId("id");
        try {
            applications.apply(x.requireMember(), id, body(x));
        } catch (KindredException e) {
            if (e.status() == 404 || e.status() == 401) {
                throw e;
            }
            Matcher m = FIELD.matcher(e.getMessage() == null ? "" : e.getMessage());
            x.redirect("/creators/campaigns/" + id + "?error=" + e.code() + (m.find() ? "&field=" + m.group(1) : "")
                    + "#apply");
            return;
        }
        x.redirect("/creators?notice=creators.campaigns.applied");
    }

    /** The home widget: up to three open campaigns. */
    Map<String, Object> widget(Member viewer, Locale locale) {
        return Map.of("campaigns", campaigns.open(3).stream().map(c -> c.json(categories, locale)).toList());
    }

    private String closedReason(Campaign c) {
        try {
            Applications.checkOpen(c, ctx.today());
        } catch (KindredException e) {
            return e.code();
        }
        return c.applied() >= c.quota() ? CampaignsError.QUOTA_REACHED.code() : null;
    }

    private static Answers.Body body(Exchange x) {
        List<Answers.SocialAccount> accounts = new ArrayList<>();
        for (int i = 1; i <= SOCIAL_ROWS; i++) {
            String platform = value(x, "platform" + i).orElse("");
            String handle = value(x, "handle" + i).orElse("");
            if (!platform.isEmpty() || !handle.isEmpty()) {
                accounts.add(new Answers.SocialAccount(platform, handle, followers(value(x, "followers" + i).orElse("0"))));
            }
        }
        return new Answers.Body(value(x, "name"), value(x, "phone"), value(x, "address"), value(x, "identityType"),
                value(x, "identityNumber"), words(x, "talents"), words(x, "contentTypes"),
                accounts.isEmpty() ? Optional.empty() : Optional.of(accounts),
                value(x, "sampleLinks").map(s -> Arrays.asList(s.split("\\s+"))), value(x, "freeText"));
    }

    private static Optional<String> value(Exchange x, String field) {
        return x.formValue(field).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Words separated by commas, Chinese commas or 、. */
    private static Optional<List<String>> words(Exchange x, String field) {
        return value(x, field).map(s -> Arrays.asList(s.split("[,，、;；]")));
    }

    private static long followers(String text) {
        String digits = text.replaceAll("[\\s,]", "");
        if (!digits.matches("[0-9]{1,12}")) {
            throw KindredException.invalidField("The field 'followers' must be a whole number.");
        }
        return Long.parseLong(digits);
    }
}
