package io.kindred.plugins.creators.campaigns;

import io.kindred.api.settings.SettingDefinition;

import java.util.List;

/** The operator's choices for campaigns and screening, each a setting with its default (console form, env, properties). */
final class CampaignSettings {

    static final SettingDefinition<String> CATEGORIES = SettingDefinition.text("campaignCategories",
            "beauty:Beauty:美妆,food:Food:美食,digital:Digital:数码,fashion:Fashion:时尚,travel:Travel:旅行,"
                    + "parenting:Parenting:母婴",
            2000, "Creator categories, comma separated, each code:English name:中文名");
    static final SettingDefinition<String> RUBRIC = SettingDefinition.text("screeningRubric",
            "content:Content quality:内容质量:40,reach:Reach:影响力:30,fit:Brand fit:品牌契合:30", 2000,
            "Screening rubric, comma separated, each code:English name:中文名:weight; reviewers score each 0–10, the"
                    + " total is the weighted average times 10 (0–100)");
    static final SettingDefinition<String> APPROVED_EN = SettingDefinition.text("approvedMessageEn",
            "Congratulations! You were approved as a creator in \"{campaign}\". Welcome aboard.", 1000,
            "Text sent to an approved applicant, in English ({campaign} is the campaign's title)");
    static final SettingDefinition<String> APPROVED_ZH = SettingDefinition.text("approvedMessageZh",
            "恭喜！您已通过「{campaign}」的达人招募，欢迎加入。", 1000, "发给通过者的中文消息（{campaign} 为招募标题）");
    static final SettingDefinition<String> REJECTED_EN = SettingDefinition.text("rejectedMessageEn",
            "Thank you for applying to \"{campaign}\". This time we chose other creators; we hope to see you again.",
            1000, "Text sent to a rejected applicant, in English ({campaign} is the campaign's title)");
    static final SettingDefinition<String> REJECTED_ZH = SettingDefinition.text("rejectedMessageZh",
            "感谢您报名「{campaign}」。这次我们选择了其他达人，期待下次合作。", 1000,
            "发给未通过者的中文消息（{campaign} 为招募标题）");

    static final List<SettingDefinition<?>> ALL = List.of(CATEGORIES, RUBRIC, APPROVED_EN, APPROVED_ZH, REJECTED_EN,
            REJECTED_ZH);

    private CampaignSettings() {
    }
}
