package org.veche.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.veche.privacy.internal.PrivacyLinks;
import org.veche.privacy.internal.PrivacyRequests;

/**
 * The privacy module's face for people's rights: a copy of everything the site holds
 * about a person, and its erasure, asked by a guest through an e-mailed link, by a
 * signed-in reader, or by an administrator for them. Every module that keeps personal
 * data answers through {@link PersonalData}; each request leaves an audit line that names
 * no one.
 */
@Service
public class DataRequests {

	/** Through which door a request came, for the audit. */
	public enum Channel {

		GUEST_LINK, ACCOUNT, ADMINISTRATOR

	}

	private final ObjectProvider<PersonalData> modules;

	private final PrivacyLinks links;

	private final PrivacyRequests audit;

	private final PrivacyProperties settings;

	private final Clock clock;

	DataRequests(ObjectProvider<PersonalData> modules, PrivacyLinks links, PrivacyRequests audit,
			PrivacyProperties settings, Clock clock) {
		this.modules = modules;
		this.links = links;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * A link for the address, or nothing when one was issued in the last few minutes (so
	 * no one can make the site flood a stranger's mailbox). The caller answers the same
	 * either way.
	 */
	@Transactional
	public Optional<String> issueLink(String email) {
		Instant now = clock.instant();
		if (links.issuedSince(email, now.minus(java.time.Duration.ofMinutes(5)))) {
			return Optional.empty();
		}
		return Optional.of(links.issue(email, now, now.plus(settings.linkLifetime())));
	}

	/** The address behind a link that still works. */
	public Optional<String> linkOwner(String token) {
		return token == null || token.length() > 100 ? Optional.empty() : links.valid(token, clock.instant());
	}

	/**
	 * Uses up a link: the person behind it, or nothing when it was used, expired or never
	 * existed.
	 */
	@Transactional
	public Optional<Person> redeem(String token) {
		Optional<String> email = linkOwner(token);
		if (email.isEmpty() || !links.use(token, clock.instant())) {
			return Optional.empty();
		}
		return email.map(Person::guest);
	}

	/**
	 * Everything the site holds about the person, one section per module; the audit line
	 * is written with it.
	 */
	@Transactional
	public Map<String, Object> export(Person person, Channel channel) {
		var export = new LinkedHashMap<String, Object>();
		export.put("exportedAt", clock.instant().toString());
		for (PersonalData module : modules.orderedStream().toList()) {
			export.put(module.section(), module.export(person));
		}
		audit.record("export", channel.name().toLowerCase(java.util.Locale.ROOT),
				"sections=" + String.join(",", export.keySet().stream().skip(1).toList()), clock.instant());
		return export;
	}

	/**
	 * Erases the person's data in every module, as the site's policy says.
	 * @return what was done, by kind, as the audit line has it
	 */
	@Transactional
	public Map<String, Integer> erase(Person person, Channel channel) {
		var done = new TreeMap<String, Integer>();
		// the module that owns accounts goes last whatever its order, so that every other
		// module can still find what refers to the account (a stable sort keeps the rest
		// in their order)
		List<PersonalData> all = new java.util.ArrayList<>(modules.orderedStream().toList());
		all.sort(java.util.Comparator.comparing(module -> module instanceof People));
		for (PersonalData module : all) {
			module.erase(person, settings.erasure()).forEach((kind, n) -> done.merge(kind, n, Integer::sum));
		}
		String summary = "policy=" + settings.erasure().name().toLowerCase(java.util.Locale.ROOT) + " "
				+ done.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
		audit.record("erasure", channel.name().toLowerCase(java.util.Locale.ROOT), summary.strip(), clock.instant());
		return done;
	}

	public List<PrivacyRequests.Line> auditLines(int limit) {
		return audit.latest(limit);
	}

	public ErasurePolicy policy() {
		return settings.erasure();
	}

}
