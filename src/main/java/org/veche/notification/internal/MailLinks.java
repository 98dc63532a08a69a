package org.veche.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.veche.site.SiteSettings;

/**
 * The links in notification mail. Each carries an HMAC of what it acts on, with a key the
 * site keeps, so a link works without a session or a stored token and cannot be made for
 * another subscription or address. The address is veche.base-url when the owner sets it,
 * else the one the last request came to (mail is often queued by a scheduled task, with
 * no request of its own).
 */
@Component
public class MailLinks {

	private static final int SIGNATURE_BYTES = 16;

	private final String configuredBase;

	private final Environment environment;

	private final SiteSettings settings;

	private volatile byte[] key;

	private volatile String lastSeenBase;

	MailLinks(@Value("${veche.base-url:}") String baseUrl, Environment environment, SiteSettings settings) {
		this.configuredBase = baseUrl.strip().replaceAll("/+$", "");
		this.environment = environment;
		this.settings = settings;
		if (configuredBase.isEmpty()) {
			LoggerFactory.getLogger(MailLinks.class)
				.info("veche.base-url is not set: links in notification mail take the host of the request that queued "
						+ "them; set it on a public site, so that a forged Host header cannot reach other readers' mail.");
		}
	}

	public String confirm(String ids) {
		return base() + "/notifications/confirm/" + ids + "/" + sign("confirm:" + ids);
	}

	public String unsubscribe(long subscriptionId) {
		return base() + unsubscribePath(subscriptionId);
	}

	public String unsubscribePath(long subscriptionId) {
		return "/notifications/unsubscribe/" + subscriptionId + "/" + sign("unsubscribe:" + subscriptionId);
	}

	public String manage(long readerId) {
		return base() + managePath(readerId);
	}

	public String managePath(long readerId) {
		return "/notifications/manage/" + readerId + "/" + sign("manage:" + readerId);
	}

	public String absolute(String path) {
		return base() + path;
	}

	public boolean confirmValid(String ids, String signature) {
		return valid("confirm:" + ids, signature);
	}

	public boolean unsubscribeValid(long subscriptionId, String signature) {
		return valid("unsubscribe:" + subscriptionId, signature);
	}

	public boolean manageValid(long readerId, String signature) {
		return valid("manage:" + readerId, signature);
	}

	private boolean valid(String subject, String signature) {
		byte[] given;
		try {
			given = Base64.getUrlDecoder().decode(signature == null ? "" : signature);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(mac(subject), given);
	}

	private String sign(String subject) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(subject));
	}

	private byte[] mac(String subject) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return Arrays.copyOf(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)), SIGNATURE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] key() {
		byte[] current = key;
		if (current == null) {
			current = Base64.getDecoder().decode(settings.getOrCreate("notification.link-key", () -> {
				byte[] bytes = new byte[32];
				new SecureRandom().nextBytes(bytes);
				return Base64.getEncoder().encodeToString(bytes);
			}));
			key = current;
		}
		return current;
	}

	private String base() {
		if (!configuredBase.isEmpty()) {
			return configuredBase;
		}
		if (RequestContextHolder.getRequestAttributes() != null) {
			lastSeenBase = ServletUriComponentsBuilder.fromCurrentContextPath()
				.replaceQuery(null)
				.build()
				.toUriString();
		}
		String seen = lastSeenBase;
		return seen != null ? seen : "http://localhost:"
				+ environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
	}

}
