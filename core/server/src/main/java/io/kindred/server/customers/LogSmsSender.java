package io.kindred.server.customers;

import io.kindred.api.sms.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's SMS sender when no plugin offers one: it sends nothing and writes the message to the log, so that
 * an operator trying Kindred out can read a code to a customer. For trials only; a real site installs an SMS
 * plugin (see the plugin guide, "SmsSender").
 */
final class LogSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger("kindred.sms");

    @Override
    public void send(String phone, String text) {
        log.info("SMS NOT SENT (no SMS sender plugin; the log sender is for trials only) to {}: {}", phone, text);
    }
}
