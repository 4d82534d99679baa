package io.kindred.plugins.activities.meetups;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Status;

import java.util.Date;

/** The iCalendar file ({@code .ics}) of an event, written by biweekly: members add the event to their calendar app. */
final class Calendars {

    private Calendars() {
    }

    /**
     * @param e       the event
     * @param siteUrl the site's address, for the event's link and its stable UID
     * @return the file's text
     */
    static String ics(Meetup e, String siteUrl) {
        VEvent v = new VEvent();
        String host = siteUrl.replaceFirst("^https?://", "").replaceAll("[/:].*$", "");
        v.setUid("meetup-" + e.id() + "@" + (host.isEmpty() ? "kindred" : host));
        v.setDateTimeStamp(new Date(e.updatedAt())); // the version's time, so the same event gives the same file
        v.setSummary(e.title());
        v.setDateStart(new Date(e.startsAt()));
        v.setDateEnd(new Date(e.endsAt()));
        v.setLocation(e.city() + ", " + e.address());
        if (!e.description().isEmpty()) {
            v.setDescription(e.description());
        }
        v.setUrl(siteUrl + "/activities/events/" + e.id());
        v.setStatus(e.status().equals(Meetup.CANCELLED) ? Status.cancelled() : Status.confirmed());
        v.setSequence((int) Math.min(Integer.MAX_VALUE, e.updatedAt() / 1000 % Integer.MAX_VALUE));
        ICalendar cal = new ICalendar();
        cal.setProductId("-//Kindred//Activities//EN");
        cal.addEvent(v);
        return Biweekly.write(cal).go();
    }
}
