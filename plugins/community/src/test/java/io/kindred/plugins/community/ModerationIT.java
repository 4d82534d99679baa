package io.kindred.plugins.community;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.server.events.EventOutbox;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Moderation and trust through the plugin loaded from its jar: new-member and rate limits, mutes and bans, hidden
 * posts leaving every list, reports and the operators' queue, audit entries, the word filter. One platform with a
 * clock the tests move forward (never back); each test has members of its own.
 */
class ModerationIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    static TestPlatform platform;
    static Http operator;

    @BeforeAll
    static void boot() {
        platform = TestPlatform.builder().plugin(Fixture.JAR).clock(CLOCK)
                .setting("community.newMemberCommentsPerDay", "3")
                .setting("community.reportsPerDay", "3")
                .setting("community.autoHideReports", "3")
                .start();
        operator = platform.admin();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    // ---- new members and rate limits ----

    @Test
    void aNewMemberOverTheDailyPostLimitGets429PostLimitAndMayPostTheNextDay() {
        Http newbie = platform.member("newbie@mod.test", "Newbie");
        for (int i = 1; i <= 5; i++) {
            Fixture.postOk(newbie, "Day one, post " + i, "Hello " + i);
        }
        Http.Response over = Fixture.post(newbie, "One too many", "Sixth post today");
        assertEquals(429, over.status(), over.body());
        assertEquals("post_limit", over.errorCode());
        assertTrue(over.json().at("/error/message").asText().contains("again from"), over.body());
        assertEquals("new", newbie.get("/api/v1/community/standing").json().at("/standing/level").asText());

        CLOCK.advance(Duration.ofDays(1));
        Fixture.postOk(newbie, "Day two", "A new day, a new post");
    }

    @Test
    void tenParallelPostsByANewMemberPublishExactlyTheDailyLimit() throws Exception {
        Http racer = platform.member("racer@mod.test", "Racer");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            List<java.util.concurrent.Future<Http.Response>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                sent.add(pool.submit(() -> Fixture.post(racer, "Race " + n, "Parallel post " + n)));
            }
            int published = 0;
            for (var f : sent) {
                Http.Response r = f.get();
                if (r.status() == 201) {
                    published++;
                } else {
                    assertEquals("post_limit", r.errorCode(), r.body());
                }
            }
            assertEquals(5, published);
        } finally {
            pool.shutdown();
        }
        Http.Response mine = platform.http().get("/api/v1/community/posts?limit=50&author=" + Fixture.userId(racer));
        assertEquals(5, mine.json().path("items").size(), mine.body());
    }

    @Test
    void aNewMemberOverTheDailyCommentLimitGets429CommentLimit() {
        Http author = platform.member("commented@mod.test", "Commented");
        long post = Fixture.postOk(author, "Talk to me", "Comments welcome");
        Http chatty = platform.member("chatty@mod.test", "Chatty");
        for (int i = 1; i <= 3; i++) {
            assertEquals(201, comment(chatty, post, "Comment " + i).status());
        }
        Http.Response over = comment(chatty, post, "Comment 4");
        assertEquals(429, over.status(), over.body());
        assertEquals("comment_limit", over.errorCode());
    }

    @Test
    void aNewMembersLinksAndPicturesAreLimitedButATrustedMembersAreNot() {
        Http newbie = platform.member("linker@mod.test", "Linker");
        String threeLinks = "See https://a.example https://b.example and https://c.example";
        Http.Response r = Fixture.post(newbie, "Links", threeLinks);
        assertEquals(403, r.status(), r.body());
        assertEquals("link_limit", r.errorCode());

        Http veteran = platform.member("veteran@mod.test", "Veteran");
        CLOCK.advance(Duration.ofDays(8));
        assertEquals("trusted", veteran.get("/api/v1/community/standing").json().at("/standing/level").asText());
        Fixture.postOk(veteran, "Links", threeLinks);
        for (int i = 2; i <= 5; i++) {
            Fixture.postOk(veteran, "Veteran post " + i, "More words " + i);
        }
        Http.Response burst = Fixture.post(veteran, "Sixth in ten minutes", "Too fast");
        assertEquals(429, burst.status(), burst.body());
        assertEquals("rate_limited", burst.errorCode());
        CLOCK.advance(Duration.ofMinutes(11));
        Fixture.postOk(veteran, "After a pause", "Calmer now");
    }

    @Test
    void aNewMembersPostWithMorePicturesThanTheirStandingAllowsGets403ImageLimit() {
        Http newbie = platform.member("pictures@mod.test", "Pictures");
        List<String> urls = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            urls.add(Fixture.upload(newbie, "p" + i + ".png", Fixture.png(20, 20)).json().at("/image/url").asText());
        }
        Http.Response r = newbie.post("/api/v1/community/posts", Map.of("categoryId", Fixture.RECOMMENDATIONS,
                "title", "Five pictures", "body", "A gallery", "images", urls));
        assertEquals(403, r.status(), r.body());
        assertEquals("image_limit", r.errorCode());
        Http.Response four = newbie.post("/api/v1/community/posts", Map.of("categoryId", Fixture.RECOMMENDATIONS,
                "title", "Four pictures", "body", "A smaller gallery", "images", urls.subList(0, 4)));
        assertEquals(201, four.status(), four.body());
    }

    @Test
    void checkInsGiveANewMemberStanding() {
        Http regular = platform.member("regular@mod.test", "Regular");
        long id = Fixture.userId(regular);
        EventOutbox outbox = new EventOutbox(io.kindred.server.web.Json.CORE, CLOCK, platform.kindred().dispatcher::wake);
        for (int day = 1; day <= 3; day++) {
            int d = day;
            platform.kindred().database.write(h -> outbox.publish(h, "checkin.recorded", id,
                    Map.of("userId", id, "day", "2026-03-0" + d, "streak", d, "makeup", false)));
        }
        platform.awaitEvents();
        JsonNode standing = regular.get("/api/v1/community/standing").json().path("standing");
        assertEquals(3, standing.path("checkins").asInt(), standing.toString());
        assertEquals("trusted", standing.path("level").asText());
    }

    @Test
    void operatorsAreExemptFromEveryLimit() {
        for (int i = 1; i <= 7; i++) {
            Fixture.postOk(operator, "Official post " + i, "From the team https://a.example https://b.example https://c.example");
        }
    }

    // ---- mutes and bans ----

    @Test
    void aMutedMemberCannotPostOrCommentUntilTheMuteEnds() {
        Http muted = platform.member("muted@mod.test", "Muted");
        long post = Fixture.postOk(muted, "Before the mute", "Fine words");
        long id = Fixture.userId(muted);
        Http.Response mute = operator.post("/api/v1/admin/community/members/" + id + "/sanctions",
                Map.of("kind", "mute", "days", 2, "reason", "Shouting in every thread"));
        assertEquals(201, mute.status(), mute.body());

        Http.Response r = Fixture.post(muted, "During the mute", "Still shouting");
        assertEquals(403, r.status(), r.body());
        assertEquals("member_muted", r.errorCode());
        assertTrue(r.json().at("/error/message").asText().contains("until"), r.body());
        assertEquals("member_muted", comment(muted, post, "Me again").errorCode());
        assertEquals(200, muted.post("/api/v1/community/posts/" + post + "/like", Map.of()).status());
        assertTrue(notificationTypes(muted).contains("community.moderation.muted"));

        CLOCK.advance(Duration.ofDays(2).plusMinutes(1));
        Fixture.postOk(muted, "After the mute", "Calm words");
        assertTrue(auditActions("user:" + id).contains("community.member_muted"));
    }

    @Test
    void aBannedMemberCannotPostCommentLikeOrReportUntilLifted() {
        Http author = platform.member("banauthor@mod.test", "Ban author");
        long post = Fixture.postOk(author, "Innocent", "Nothing to see");
        Http banned = platform.member("banned@mod.test", "Banned");
        long id = Fixture.userId(banned);
        assertEquals(201, operator.post("/api/v1/admin/community/members/" + id + "/sanctions",
                Map.of("kind", "ban", "reason", "Spam bot")).status());

        assertEquals("member_banned", Fixture.post(banned, "Spam", "Buy now").errorCode());
        assertEquals("member_banned", comment(banned, post, "Buy now").errorCode());
        Http.Response like = banned.post("/api/v1/community/posts/" + post + "/like", Map.of());
        assertEquals(403, like.status(), like.body());
        assertEquals("member_banned", like.errorCode());
        assertEquals("member_banned", banned.post("/api/v1/community/reports",
                Map.of("postId", post, "reason", "spam")).errorCode());
        long contest = ContestFixture.create(operator, ContestFixture.contest(CLOCK, "bancontest", 3));
        long entry = ContestFixture.entry(author, "Entry", "bancontest");
        assertEquals("member_banned", ContestFixture.vote(banned, contest, entry).errorCode());

        Http.Response lift = operator.post("/api/v1/admin/community/members/" + id + "/lift", Map.of("reason", "Appeal accepted"));
        assertEquals(200, lift.status(), lift.body());
        assertEquals("no_sanction", operator.post("/api/v1/admin/community/members/" + id + "/lift", Map.of()).errorCode());
        Fixture.postOk(banned, "Back", "Behaving now");
        assertEquals(200, ContestFixture.vote(banned, contest, entry).status());
        List<String> audit = auditActions("user:" + id);
        assertTrue(audit.containsAll(List.of("community.member_banned", "community.member_lifted")), audit.toString());
    }

    @Test
    void operatorsCannotBeSanctionedAndBadSanctionsGetClearErrors() {
        long adminId = Fixture.userId(operator);
        assertEquals("operator_exempt", operator.post("/api/v1/admin/community/members/" + adminId + "/sanctions",
                Map.of("kind", "ban")).errorCode());
        Http member = platform.member("badsanction@mod.test", "Bad sanction");
        String path = "/api/v1/admin/community/members/" + Fixture.userId(member) + "/sanctions";
        assertEquals("missing_field", operator.post(path, Map.of("kind", "mute")).errorCode());
        assertEquals("invalid_field", operator.post(path, Map.of("kind", "mute", "days", 0)).errorCode());
        assertEquals("invalid_field", operator.post(path, Map.of("kind", "jail")).errorCode());
        assertEquals(404, operator.post("/api/v1/admin/community/members/999999/sanctions", Map.of("kind", "warn")).status());
        assertEquals(403, member.post(path, Map.of("kind", "warn")).status());
        assertEquals(201, operator.post(path, Map.of("kind", "warn", "reason", "Be kind")).status());
        assertTrue(notificationTypes(member).contains("community.moderation.warned"));
    }

    // ---- hidden posts ----

    @Test
    void aHiddenPostVanishesFromEveryListSearchAndTheApiAndComesBackWhenRestored() {
        Http author = platform.member("hidden@mod.test", "Hidden author");
        long authorId = Fixture.userId(author);
        long id = Fixture.postOk(author, "Zanzibarine secret", "The word quokkaberry is unique here", List.of("hideme"));
        Http reader = platform.member("reader@mod.test", "Reader");
        assertEquals(200, reader.post("/api/v1/community/posts/" + id + "/bookmark", Map.of()).status());
        assertEquals(201, comment(reader, id, "Nice").status());
        assertEquals(200, operator.post("/api/v1/admin/community/posts/" + id + "/feature", Map.of("pinHome", true)).status());
        assertTrue(everywhere(reader, id, authorId));
        assertTrue(reader.get("/").body().contains("Zanzibarine"), "pinned to the site's home page");

        Http.Response hide = operator.post("/api/v1/admin/community/posts/" + id + "/moderate",
                Map.of("action", "hide", "reason", "Off-topic advertising"));
        assertEquals(200, hide.status(), hide.body());
        assertEquals("hidden", hide.json().at("/target/status").asText());
        assertEquals(404, platform.http().get("/api/v1/community/posts/" + id).status());
        assertEquals(404, author.get("/api/v1/community/posts/" + id).status());
        assertEquals(404, platform.http().get("/api/v1/community/posts/" + id + "/comments").status());
        assertEquals(404, reader.post("/api/v1/community/posts/" + id + "/like", Map.of()).status());
        assertEquals(404, comment(reader, id, "Hello?").status());
        assertFalse(anywhere(reader, id, authorId));
        assertEquals(404, reader.get("/community/posts/" + id).status());
        for (String page : List.of("/community", "/community?sort=featured", "/community?q=quokkaberry",
                "/community/members/" + authorId, "/community/bookmarks", "/")) {
            Http.Response r = reader.get(page);
            assertEquals(200, r.status(), page);
            assertFalse(r.body().contains("Zanzibarine"), page + " still shows the hidden post");
        }
        assertTrue(notificationTypes(author).contains("community.moderation.removed"));
        assertTrue(auditActions("community:post:" + id).contains("community.post_hidden"));

        assertEquals(200, operator.post("/api/v1/admin/community/posts/" + id + "/moderate",
                Map.of("action", "restore")).status());
        assertTrue(everywhere(reader, id, authorId));
        assertTrue(reader.get("/community/members/" + authorId).body().contains("Zanzibarine"));
        assertTrue(auditActions("community:post:" + id).contains("community.post_restored"));
    }

    @Test
    void aHiddenCommentLeavesThePostsCommentsAndItsCount() {
        Http author = platform.member("ctarget@mod.test", "Comment target");
        long post = Fixture.postOk(author, "Comments here", "Talk");
        Http troll = platform.member("troll@mod.test", "Troll");
        long comment = comment(troll, post, "Rude words").json().at("/comment/id").asLong();
        assertEquals(1, platform.http().get("/api/v1/community/posts/" + post).json().at("/post/comments").asInt());
        assertEquals(200, operator.post("/api/v1/admin/community/comments/" + comment + "/moderate",
                Map.of("action", "hide")).status());
        Http.Response list = platform.http().get("/api/v1/community/posts/" + post + "/comments");
        assertEquals(0, list.json().path("items").size(), list.body());
        assertEquals(0, platform.http().get("/api/v1/community/posts/" + post).json().at("/post/comments").asInt());
        assertTrue(auditActions("community:comment:" + comment).contains("community.comment_hidden"));
    }

    // ---- reports ----

    @Test
    void reportsGroupInTheQueueAndADecisionClosesThemAudited() {
        Http author = platform.member("reported@mod.test", "Reported");
        long post = Fixture.postOk(author, "Cheap pills", "Totally legit offer");
        Http first = platform.member("reporter1@mod.test", "Reporter one");
        Http second = platform.member("reporter2@mod.test", "Reporter two");
        Http.Response r = first.post("/api/v1/community/reports", Map.of("postId", post, "reason", "spam", "note", "Ads"));
        assertEquals(201, r.status(), r.body());
        Http.Response again = first.post("/api/v1/community/reports", Map.of("postId", post, "reason", "abuse"));
        assertEquals(200, again.status(), again.body());
        assertEquals(r.json().at("/report/id").asLong(), again.json().at("/report/id").asLong());
        assertEquals(201, second.post("/api/v1/community/reports", Map.of("postId", post, "reason", "illegal")).status());
        assertEquals("own_content", author.post("/api/v1/community/reports", Map.of("postId", post, "reason", "spam")).errorCode());

        JsonNode entry = queueEntry("post", post);
        assertEquals(2, entry.path("reports").asInt(), entry.toString());
        assertEquals(1, entry.at("/reasons/spam").asInt());
        assertEquals(1, entry.at("/reasons/illegal").asInt());
        assertEquals("Ads", entry.at("/notes/0").asText());
        assertEquals(403, first.get("/api/v1/admin/community/reports").status());

        assertEquals(200, operator.post("/api/v1/admin/community/posts/" + post + "/moderate",
                Map.of("action", "delete", "reason", "Spam")).status());
        assertTrue(queueEntry("post", post).isMissingNode());
        assertTrue(auditActions("community:post:" + post).contains("community.post_deleted"));
        assertEquals(404, platform.http().get("/api/v1/community/posts/" + post).status());
    }

    @Test
    void membersReportPostsAndCommentsFromThePostPage() {
        Http author = platform.member("pageauthor@mod.test", "Page author");
        long post = Fixture.postOk(author, "Reported from the page", "Words");
        Http reader = platform.member("pagereader@mod.test", "Page reader");
        long comment = comment(author, post, "A comment to report").json().at("/comment/id").asLong();
        String page = "/community/posts/" + post;
        assertTrue(reader.get(page).body().contains("action=\"/community/report\""));
        Http.Response sent = reader.submitForm(page, "/community/report", "postId", String.valueOf(post), "reason", "spam",
                "note", "Seen on the page");
        assertEquals(303, sent.status(), sent.body());
        assertTrue(sent.headers().get("location").contains("notice=community.moderation.notice.reported"), sent.headers().toString());
        assertEquals(1, queueEntry("post", post).path("reports").asInt());
        assertEquals(303, reader.submitForm(page, "/community/report", "commentId", String.valueOf(comment),
                "reason", "abuse").status());
        assertEquals("abuse", queueEntry("comment", comment).at("/reasons").fieldNames().next());
        Http.Response own = author.submitForm(page, "/community/report", "commentId", String.valueOf(comment), "reason", "other");
        assertTrue(own.headers().get("location").contains("notice=community.moderation.notice.own_content"), own.headers().toString());
        assertEquals(200, reader.get(sent.headers().get("location")).status());
    }

    @Test
    void tenParallelReportsOfOneMemberMakeOneOpenReport() throws Exception {
        Http author = platform.member("once@mod.test", "Once");
        long post = Fixture.postOk(author, "Reported in a burst", "Words");
        Http reporter = platform.member("burst@mod.test", "Burst");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        List<Http.Response> answers = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Future<Http.Response>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sent.add(pool.submit(() -> reporter.post("/api/v1/community/reports", Map.of("postId", post, "reason", "spam"))));
            }
            for (var f : sent) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, answers.stream().filter(r -> r.status() == 201).count(), answers.toString());
        assertEquals(9, answers.stream().filter(r -> r.status() == 200).count(), answers.toString());
        assertEquals(1, answers.stream().map(r -> r.json().at("/report/id").asLong()).distinct().count());
        assertEquals(1, queueEntry("post", post).path("reports").asInt());
    }

    @Test
    void enoughReportsHideAPostUntilAnOperatorDecides() {
        Http author = platform.member("mobbed@mod.test", "Mobbed");
        long post = Fixture.postOk(author, "Controversial", "An opinion");
        for (int i = 1; i <= 3; i++) {
            Http reporter = platform.member("mob" + i + "@mod.test", "Mob " + i);
            assertEquals(201, reporter.post("/api/v1/community/reports", Map.of("postId", post, "reason", "abuse")).status());
        }
        assertEquals(404, platform.http().get("/api/v1/community/posts/" + post).status());
        assertEquals("hidden", queueEntry("post", post).at("/target/status").asText());
        assertTrue(auditActions("community:post:" + post).contains("community.post_auto_hidden"));
        assertEquals(200, operator.post("/api/v1/admin/community/posts/" + post + "/moderate", Map.of("action", "restore")).status());
        assertEquals(200, platform.http().get("/api/v1/community/posts/" + post).status());
        assertTrue(queueEntry("post", post).isMissingNode());
    }

    @Test
    void reportsHaveADailyLimitAndBadReportsGetClearErrors() {
        Http author = platform.member("many@mod.test", "Many");
        Http reporter = platform.member("eager@mod.test", "Eager");
        long comment = comment(reporter, Fixture.postOk(author, "Target 0", "x"), "My own comment").json().at("/comment/id").asLong();
        assertEquals("own_content", reporter.post("/api/v1/community/reports", Map.of("commentId", comment, "reason", "spam")).errorCode());
        assertEquals("invalid_field", reporter.post("/api/v1/community/reports", Map.of("postId", 1, "reason", "ugly")).errorCode());
        assertEquals("invalid_field", reporter.post("/api/v1/community/reports",
                Map.of("postId", 1, "commentId", comment, "reason", "spam")).errorCode());
        assertEquals("missing_field", reporter.post("/api/v1/community/reports", Map.of("postId", 1)).errorCode());
        assertEquals(404, reporter.post("/api/v1/community/reports", Map.of("postId", 999_999, "reason", "spam")).status());
        assertEquals(401, platform.http().post("/api/v1/community/reports", Map.of("postId", 1, "reason", "spam")).status());
        for (int i = 1; i <= 3; i++) {
            long post = Fixture.postOk(author, "Target " + i, "Words " + i);
            assertEquals(201, reporter.post("/api/v1/community/reports", Map.of("postId", post, "reason", "other")).status());
        }
        long fourth = Fixture.postOk(author, "Target 4", "Words 4");
        Http.Response over = reporter.post("/api/v1/community/reports", Map.of("postId", fourth, "reason", "other"));
        assertEquals(429, over.status(), over.body());
        assertEquals("report_limit", over.errorCode());
    }

    // ---- word filter and console ----

    @Test
    void theWordFilterRefusesBlockedWordsSetOnTheConsolePage() {
        Http.Response saved = operator.submitForm("/console/community/moderation", "/console/community/moderation/words",
                "blockedWords", "cheap pills\nass\n赌博");
        assertTrue(saved.status() < 400, saved.body());
        Http member = platform.member("filtered@mod.test", "Filtered");
        Http.Response r = Fixture.post(member, "Offer", "Buy CHEAP   Pills today");
        assertEquals(422, r.status(), r.body());
        assertEquals("blocked_words", r.errorCode());
        assertEquals("blocked_words", Fixture.post(member, "线上赌博", "欢迎").errorCode());
        assertEquals("blocked_words", Fixture.post(member, "Ｃｈｅａｐ pills", "full width").errorCode());
        Fixture.postOk(member, "My class notes", "A passage about classic grass");
        long post = Fixture.postOk(member, "Clean", "Clean words");
        assertEquals("blocked_words", comment(member, post, "you ass").errorCode());
        Http.Response tagged = member.post("/api/v1/community/posts", java.util.Map.of("categoryId", Fixture.RECOMMENDATIONS,
                "title", "Clean title", "body", "Clean body", "tags", java.util.List.of("赌博")));
        assertEquals("blocked_words", tagged.errorCode(), "tags are read too");
        assertEquals("blocked_words", Fixture.upload(member, "cheap pills.png", Fixture.png(10, 10)).errorCode(),
                "and the names of pictures");
        operator.submitForm("/console/community/moderation", "/console/community/moderation/words", "blockedWords", "");
    }

    @Test
    void theConsolePageShowsTheQueueToOperatorsOnly() {
        Http author = platform.member("queued@mod.test", "Queued");
        long post = Fixture.postOk(author, "Queued for the console", "Words");
        Http reporter = platform.member("consolereporter@mod.test", "Console reporter");
        assertEquals(201, reporter.post("/api/v1/community/reports", Map.of("postId", post, "reason", "off_topic")).status());
        Http.Response page = operator.get("/console/community/moderation");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Queued for the console"), page.body());
        assertEquals(403, reporter.get("/console/community/moderation").status());
        long authorId = Fixture.userId(author);
        assertEquals(201, operator.post("/api/v1/admin/community/members/" + authorId + "/sanctions",
                Map.of("kind", "warn", "reason", "Stay on topic")).status());
        Http.Response lookup = operator.get("/console/community/moderation?member=" + authorId);
        assertTrue(lookup.body().contains("new member (limited)") && lookup.body().contains("Stay on topic"), lookup.body());
        assertEquals(200, operator.get("/console/community/moderation?member=abc").status());
        assertEquals(200, operator.get("/console/community/moderation?member=999999").status());
        Http.Response hidden = operator.submitForm("/console/community/moderation", "/console/community/moderation/decide",
                "type", "post", "id", String.valueOf(post), "action", "hide", "reason", "Not here");
        assertTrue(hidden.status() < 400, hidden.body());
        assertEquals(404, platform.http().get("/api/v1/community/posts/" + post).status());
    }

    @Test
    void everyApiRouteOfTheCommunityPluginIsDescribedInTheOpenApiDocument() {
        java.util.Set<String> served = new java.util.TreeSet<>();
        for (var r : platform.kindred().router.declared()) {
            if (r.owner().equals("community") && r.path().startsWith("/api/v1/")) {
                served.add(r.method().toUpperCase(java.util.Locale.ROOT) + " " + r.path().replaceAll("<(\\w+)>", "{$1}"));
            }
        }
        assertTrue(served.contains("POST /api/v1/community/reports"), served.toString());
        JsonNode paths = platform.http().get("/api/v1/openapi.json").json().path("paths");
        List<String> missing = served.stream().filter(op -> {
            String[] parts = op.split(" ", 2);
            return paths.path(parts[1]).path(parts[0].toLowerCase(java.util.Locale.ROOT)).isMissingNode();
        }).toList();
        assertEquals(List.of(), missing, "routes without an OpenAPI operation");
    }

    // ---- helpers ----

    private static Http.Response comment(Http member, long post, String body) {
        return member.post("/api/v1/community/posts/" + post + "/comments", Map.of("body", body));
    }

    private static List<String> notificationTypes(Http member) {
        return member.get("/api/v1/me/notifications?limit=50").json().path("items").findValuesAsText("type");
    }

    private static List<String> auditActions(String target) {
        Http.Response r = operator.get("/api/v1/admin/audit?limit=100&target=" + target);
        assertEquals(200, r.status(), r.body());
        return r.json().path("items").findValuesAsText("action");
    }

    private static JsonNode queueEntry(String type, long id) {
        for (JsonNode e : operator.get("/api/v1/admin/community/reports?limit=100").json().path("items")) {
            if (e.at("/target/type").asText().equals(type) && e.at("/target/id").asLong() == id) {
                return e;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** Whether the post shows in every place a reader meets posts. */
    private static boolean everywhere(Http reader, long id, long authorId) {
        return places(reader, authorId).stream().allMatch(ids -> ids.contains(id));
    }

    private static boolean anywhere(Http reader, long id, long authorId) {
        return places(reader, authorId).stream().anyMatch(ids -> ids.contains(id));
    }

    private static List<List<Long>> places(Http reader, long authorId) {
        return List.of(ids(platform.http().get("/api/v1/community/posts?limit=50")),
                ids(platform.http().get("/api/v1/community/posts?sort=hot&limit=50")),
                ids(platform.http().get("/api/v1/community/posts?sort=featured&limit=50")),
                ids(platform.http().get("/api/v1/community/posts?author=" + authorId)),
                ids(platform.http().get("/api/v1/community/posts?tag=hideme")),
                ids(platform.http().get("/api/v1/community/posts?q=quokkaberry")),
                ids(reader.get("/api/v1/community/bookmarks")));
    }

    private static List<Long> ids(Http.Response r) {
        assertEquals(200, r.status(), r.body());
        List<Long> ids = new java.util.ArrayList<>();
        r.json().path("items").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }
}
