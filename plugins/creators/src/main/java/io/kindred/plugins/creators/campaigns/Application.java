package io.kindred.plugins.creators.campaigns;

import java.util.List;
import java.util.Map;

/**
 * An application to a campaign, as stored (answers sealed).
 *
 * @param id          its id
 * @param campaignId  the campaign
 * @param userId      the applicant
 * @param status      submitted, screening, interview, approved or rejected
 * @param score       the rubric's total, 0–100, once scored
 * @param scores      the score per criterion
 * @param reviewerId  the operator who last acted on it
 * @param submittedAt epoch ms
 * @param decidedAt   epoch ms of approval or rejection
 * @param answers     the answers, identity number sealed
 * @param approval    what the operator chose on approval (category, level, title, grants), or empty
 */
record Application(long id, long campaignId, long userId, String status, Integer score, Map<String, Object> scores,
                   Long reviewerId, long submittedAt, Long decidedAt, Map<String, Object> answers,
                   Map<String, Object> approval) {

    static final List<String> STATUSES = List.of("submitted", "screening", "interview", "approved", "rejected");

    /** A row of the screening history. */
    record Step(String from, String to, Long actorId, String actorName, String note, Integer score, long at) {
    }
}
