package org.veche.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery, in Stripe's scheme: an HMAC-SHA256 under the
 * webhook's secret of the Unix time, a dot and the body, sent as
 * {@code Veche-Signature: t=<time>,v1=<hex>}. The time is signed, so a receiver can
 * refuse an old delivery replayed to it.
 */
public final class WebhookSignature {

	public static final String HEADER = "Veche-Signature";

	private WebhookSignature() {
	}

	public static String header(String secret, long unixSeconds, String body) {
		return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
	}

	static String hmac(String secret, String signed) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
