package org.veche.moderation.appeal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Appeals: the longest message an author may add, and how long after the decision that
 * message is kept (the appeal itself, without its message, stays for the log and the
 * monthly report).
 */
@ConfigurationProperties("veche.moderation.appeals")
public record AppealProperties(@DefaultValue("1000") int maxLength, @DefaultValue("90d") Duration keepMessages) {
}
