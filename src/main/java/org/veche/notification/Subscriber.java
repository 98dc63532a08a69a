package org.veche.notification;

import java.util.Locale;

/**
 * An address that asked for mail, with the language its mail is written in.
 *
 * @param id the reader's id ({@code notification_reader})
 * @param accountId the account the address belongs to, when it asked while signed in,
 * else null
 */
public record Subscriber(long id, String email, Long accountId, Locale language) {
}
