/**
 * kindred-api: the only artifact a Kindred plugin compiles against. Start at
 * {@link io.kindred.api.KindredPlugin} and {@link io.kindred.api.PluginContext}.
 */
package io.kindred.api;
