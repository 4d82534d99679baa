package io.kindred.plugins.creators.candidates;

import io.kindred.api.segments.MemberMatch;

/**
 * A member on the candidates list: the segments engine's row (RFM, purchases, labels) and what the plugins that run
 * add to it; a count is null when its plugin does not run.
 *
 * @param member the member as the member search found them
 * @param posts  published posts (community)
 * @param likes  likes received on published posts (community)
 * @param fans   direct fans (distribution)
 */
record Candidate(MemberMatch member, Long posts, Long likes, Long fans) {
}
