package org.veche.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.veche.identity.Account;
import org.veche.notification.internal.MailLinks;
import org.veche.notification.internal.Notices;
import org.veche.notification.internal.Outbox;
import org.veche.notification.internal.Subscriptions;
import org.veche.site.RejectedInput;

/**
 * The notification module's face: a reader asks for mail, confirms it, changes or ends
 * it. Every action that arrives by a link from a mail is checked against the link's
 * signature.
 */
@Service
public class Notifications {

	private final Subscriptions subscriptions;

	private final Outbox outbox;

	private final Notices notices;

	private final MailLinks links;

	private final Clock clock;

	Notifications(Subscriptions subscriptions, Outbox outbox, Notices notices, MailLinks links, Clock clock) {
		this.subscriptions = subscriptions;
		this.outbox = outbox;
		this.notices = notices;
		this.links = links;
		this.clock = clock;
	}

	/** A subscription with what it is about in words. */
	public record Described(Subscription subscription, String description) {
	}

	/**
	 * Everything one address gets, for the page that manages it. @param moderator whether
	 * moderator topics are offered
	 */
	public record Overview(long readerId, String email, List<Described> subscriptions, boolean moderator, String path) {

		public boolean has(Topic topic) {
			return subscriptions.stream().anyMatch(d -> d.subscription().topic() == topic);
		}

	}

	/**
	 * What the form for new articles by mail sends.
	 *
	 * @param email the address typed
	 * @param language the language the mail will be written in
	 * @param signedIn the reader's account, or null
	 */
	public record ArticlesWanted(String email, Cadence cadence, Locale language, Account signedIn) {
	}

	/**
	 * New articles by mail for an address typed into the form. A signed-in account's own
	 * verified address is subscribed at once; any other is sent a confirmation, unless it
	 * is subscribed already.
	 * @return whether the subscription is on now (else a confirmation may be on its way)
	 */
	@Transactional
	public boolean askForArticles(ArticlesWanted wanted) {
		String email = wanted.email();
		Account signedIn = wanted.signedIn();
		String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (address.length() > 254 || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
				|| address.chars().anyMatch(Character::isISOControl)) {
			throw new RejectedInput("notify.email.invalid");
		}
		boolean own = signedIn != null && signedIn.emailVerified() && signedIn.email().equalsIgnoreCase(address);
		var reader = subscriptions.reader(address, own ? signedIn.id() : null, wanted.language(), clock.instant());
		Subscription subscription = subscriptions.add(reader.id(), Topic.ARTICLES, 0, wanted.cadence(), null, own,
				clock.instant());
		if (!subscription.confirmed()) {
			notices.askToConfirm(List.of(subscription));
		}
		return subscription.confirmed();
	}

	/** The subscriptions a confirmation link names, if its signature holds. */
	public Optional<List<Described>> toConfirm(String ids, String signature, Locale language) {
		if (!links.confirmValid(ids, signature)) {
			return Optional.empty();
		}
		return Optional.of(describe(subscriptions.byIds(parseIds(ids)), language));
	}

	/** Confirms what the link names; following it again changes nothing. */
	@Transactional
	public boolean confirm(String ids, String signature) {
		if (!links.confirmValid(ids, signature)) {
			return false;
		}
		subscriptions.confirm(parseIds(ids), clock.instant());
		return true;
	}

	/**
	 * The subscription an unsubscribe link names: empty when the link is not genuine, a
	 * null value when it has gone.
	 */
	public Optional<Optional<Described>> toUnsubscribe(long id, String signature, Locale language) {
		if (!links.unsubscribeValid(id, signature)) {
			return Optional.empty();
		}
		return Optional.of(subscriptions.byId(id).map(s -> new Described(s, notices.describe(s, language))));
	}

	/**
	 * Ends the subscription and drops its unsent mail. Idempotent: a second click, or a
	 * mail client's one-click POST after the reader's own, answers the same.
	 * @return whether the link is genuine
	 */
	@Transactional
	public boolean unsubscribe(long id, String signature) {
		if (!links.unsubscribeValid(id, signature)) {
			return false;
		}
		end(id);
		return true;
	}

	private void end(long id) {
		outbox.cancel(id);
		subscriptions.remove(id);
	}

	/** What the address of a signed manage link gets. */
	public Optional<Overview> overview(long readerId, String signature, Locale language) {
		if (!links.manageValid(readerId, signature)) {
			return Optional.empty();
		}
		return subscriptions.reader(readerId)
			.map(reader -> new Overview(reader.id(), reader.email(),
					describe(subscriptions.ofReader(reader.id()), language),
					reader.accountId() != null && notices.isModerator(reader.accountId()),
					links.managePath(reader.id())));
	}

	/** The manage page of a signed-in account's own address. */
	@Transactional
	public String managePath(Account account, Locale language) {
		var reader = subscriptions.reader(account.email().toLowerCase(Locale.ROOT),
				account.emailVerified() ? account.id() : null, language, clock.instant());
		return links.managePath(reader.id());
	}

	/**
	 * Changes one address's notifications from its manage page: a cadence, one
	 * subscription ended, all ended, or a site-wide topic added (the page's link came to
	 * the address, so no confirmation is asked).
	 */
	@Transactional
	public void change(long readerId, String signature, Change change) {
		var reader = subscriptions.reader(readerId)
			.filter(r -> links.manageValid(readerId, signature))
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "notify.link.failed"));
		var own = subscriptions.ofReader(reader.id());
		switch (change) {
			case Change.Cadences c -> c.cadences()
				.forEach((id, cadence) -> own.stream()
					.filter(s -> s.id() == id && s.topic().mayDigest())
					.findFirst()
					.ifPresent(s -> subscriptions.setCadence(id, cadence)));
			case Change.End e -> own.stream().filter(s -> s.id() == e.subscriptionId()).forEach(s -> end(s.id()));
			case Change.EndAll a -> own.forEach(s -> end(s.id()));
			case Change.Add add -> {
				if (add.topic().forModerators()
						&& (reader.accountId() == null || !notices.isModerator(reader.accountId()))) {
					throw new RejectedInput(HttpStatus.FORBIDDEN, "notify.moderatorsOnly");
				}
				if (add.topic().mayDigest()) {
					Subscription s = subscriptions.add(reader.id(), add.topic(), 0, add.cadence(), null, true,
							clock.instant());
					subscriptions.confirm(List.of(s.id()), clock.instant());
				}
			}
		}
	}

	/** What a reader changes on the manage page. */
	public sealed interface Change {

		record Cadences(java.util.Map<Long, Cadence> cadences) implements Change {
		}

		record End(long subscriptionId) implements Change {
		}

		record EndAll() implements Change {
		}

		record Add(Topic topic, Cadence cadence) implements Change {
		}

	}

	private List<Described> describe(List<Subscription> found, Locale language) {
		var described = new ArrayList<Described>();
		for (Subscription s : found) {
			described.add(new Described(s, notices.describe(s, language)));
		}
		return described;
	}

	private static List<Long> parseIds(String ids) {
		var parsed = new ArrayList<Long>();
		for (String id : ids.split("-")) {
			try {
				parsed.add(Long.parseLong(id));
			}
			catch (NumberFormatException ex) {
				// the signature held, so this cannot happen; nothing is confirmed for it
			}
		}
		return parsed;
	}

}
