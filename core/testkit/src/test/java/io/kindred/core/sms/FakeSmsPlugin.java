package io.kindred.core.sms;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.sms.SmsSender;
import io.kindred.api.web.Access;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stand-in for an SMS gateway plugin: it offers an {@link SmsSender} that keeps the messages, shown at
 * {@code GET /api/v1/sms-fake/outbox}, and refuses them between {@code POST /api/v1/sms-fake/fail} and {@code /recover}. The tests pack
 * it into a plugin jar of its own, as PF4J loads third-party jars.
 */
public final class FakeSmsPlugin extends KindredPlugin {

    private final List<Map<String, String>> outbox = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failing = new AtomicBoolean();

    @Override
    public void contribute(PluginContext ctx) {
        ctx.provide(SmsSender.class, (phone, text) -> {
            if (failing.get()) {
                throw new IllegalStateException("gateway down");
            }
            outbox.add(Map.of("phone", phone, "text", text));
        });
        ctx.routes().get("/api/v1/sms-fake/outbox", Access.OPERATOR, x -> x.json(Map.of("items", outbox)));
        ctx.routes().post("/api/v1/sms-fake/fail", Access.OPERATOR, x -> {
            failing.set(true);
            x.json(Map.of("failing", true));
        });
        ctx.routes().post("/api/v1/sms-fake/recover", Access.OPERATOR, x -> {
            failing.set(false);
            x.json(Map.of("failing", false));
        });
    }
}
