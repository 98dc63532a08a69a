package org.veche.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The external providers the owner configured, by name; none when nothing is configured
 * (Spring Boot then makes no registration repository at all).
 */
@Component
public class SignInProviders {

	private static final Map<String, String> KNOWN_NAMES = Map.of("google", "Google", "facebook", "Facebook", "x", "X",
			"twitter", "X", "wordpress", "WordPress.com", "github", "GitHub");

	private final List<ExternalSignIn> all;

	SignInProviders(ObjectProvider<ClientRegistrationRepository> registrations) {
		var list = new ArrayList<ExternalSignIn>();
		ClientRegistrationRepository repository = registrations.getIfAvailable();
		if (repository instanceof Iterable<?> iterable) {
			for (Object each : iterable) {
				if (each instanceof ClientRegistration registration) {
					list.add(new ExternalSignIn(registration.getRegistrationId(), nameOf(registration)));
				}
			}
		}
		list.sort(java.util.Comparator.comparing(ExternalSignIn::name, String.CASE_INSENSITIVE_ORDER));
		this.all = List.copyOf(list);
	}

	public List<ExternalSignIn> all() {
		return all;
	}

	public Optional<ExternalSignIn> byId(String registrationId) {
		return all.stream().filter(p -> p.registrationId().equals(registrationId)).findFirst();
	}

	/**
	 * Boot sets the client name to the registration id, or to the issuer URL for a
	 * provider found by its issuer, when none is configured: then a known id gets its
	 * brand.
	 */
	static String nameOf(ClientRegistration registration) {
		String id = registration.getRegistrationId();
		String configured = registration.getClientName();
		if (configured != null && !configured.isBlank() && !configured.equals(id)
				&& !configured.equals(registration.getProviderDetails().getIssuerUri())) {
			return configured;
		}
		return KNOWN_NAMES.getOrDefault(id.toLowerCase(Locale.ROOT), id);
	}

}
