/**
 * Segments (分层): filters over members that plugins can add to the core's own ({@link io.kindred.api.segments.MemberFilter}),
 * registered with {@link io.kindred.api.PluginContext#memberFilter(MemberFilter)}.
 */
package io.kindred.api.segments;
