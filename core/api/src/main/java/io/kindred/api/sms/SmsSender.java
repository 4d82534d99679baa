package io.kindred.api.sms;

/**
 * Sends a text message to a phone: how Kindred delivers one-time codes, e.g. the code an imported phone-only
 * customer types to claim their account. The core ships a sender that only writes the message to the log
 * (for trials); a plugin connects a real SMS gateway (Aliyun, Tencent Cloud, Twilio, ...) by offering one:
 *
 * <pre>{@code
 * ctx.provide(SmsSender.class, (phone, text) -> gateway.send(phone, text));
 * }</pre>
 *
 * <p>When several started plugins offer one, the first found is used; when the plugin is disabled, the core
 * falls back to its log sender at once. {@link #send} runs on a request thread outside any transaction:
 * keep it short (a gateway call with a timeout) and throw when the message could not be handed over, so the
 * member is told to try again.
 */
@FunctionalInterface
public interface SmsSender {

    /**
     * @param phone normalised phone number: digits with an optional leading {@code +}, e.g. {@code +8613800138000}
     * @param text  the whole message, already in the member's language, e.g. {@code Your code is 123456}
     * @throws RuntimeException when the gateway refused or could not be reached
     */
    void send(String phone, String text);
}
