package org.veche.notification.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.veche.notification.Subscription;
import org.veche.privacy.ErasurePolicy;
import org.veche.privacy.Person;
import org.veche.privacy.PersonalData;

/**
 * What the notification module keeps about a person: the addresses they asked for mail
 * at, what they asked for, and the mail queued or sent to them (whose text is gone once
 * sent). Erasure forgets all of it; there is nothing to anonymise and no network address.
 */
@Component
@Order(20)
class SubscriberData implements PersonalData {

	private final Subscriptions subscriptions;

	private final Outbox outbox;

	SubscriberData(Subscriptions subscriptions, Outbox outbox) {
		this.subscriptions = subscriptions;
		this.outbox = outbox;
	}

	@Override
	public String section() {
		return "notifications";
	}

	@Override
	public Object export(Person person) {
		var addresses = new ArrayList<Map<String, Object>>();
		for (var reader : subscriptions.readersOf(person.accountId(), person.email())) {
			var address = new LinkedHashMap<String, Object>();
			address.put("email", reader.email());
			address.put("language", reader.language().getLanguage());
			var asked = new ArrayList<Map<String, Object>>();
			for (Subscription s : subscriptions.ofReader(reader.id())) {
				var row = new LinkedHashMap<String, Object>();
				row.put("topic", s.topic().param());
				row.put("target", s.targetId());
				row.put("cadence", s.cadence().param());
				row.put("confirmedAt", s.confirmedAt() == null ? null : s.confirmedAt().toString());
				asked.add(row);
			}
			address.put("subscriptions", asked);
			address.put("mail", outbox.to(reader.email()));
			addresses.add(address);
		}
		return addresses;
	}

	@Override
	@Transactional
	public Map<String, Integer> erase(Person person, ErasurePolicy policy) {
		int readers = 0;
		int subscribed = 0;
		int mail = 0;
		for (var reader : subscriptions.readersOf(person.accountId(), person.email())) {
			subscribed += subscriptions.ofReader(reader.id()).size();
			mail += outbox.removeTo(reader.email());
			if (subscriptions.removeReader(reader.email())) {
				readers++;
			}
		}
		var done = new LinkedHashMap<String, Integer>();
		done.put("notifications.addresses.deleted", readers);
		done.put("notifications.subscriptions.deleted", subscribed);
		done.put("notifications.mail.deleted", mail);
		return done;
	}

	@Override
	public int forgetAddressesBefore(Instant cutoff) {
		return 0;
	}

}
