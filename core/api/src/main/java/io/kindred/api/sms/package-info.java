/**
 * Text messages: {@link io.kindred.api.sms.SmsSender}, the extension point a plugin implements to deliver
 * one-time codes through an SMS gateway. Without one, the core writes codes to its log (trials only).
 */
package io.kindred.api.sms;
