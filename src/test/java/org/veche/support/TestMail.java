package org.veche.support;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One real SMTP server (GreenMail) for the whole test JVM, on a free port: every test
 * context sends its mail there, and tests read the messages as a reader's mailbox would.
 */
public final class TestMail {

	private static final GreenMail SERVER = start();

	private TestMail() {
	}

	private static GreenMail start() {
		var server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

	public static int smtpPort() {
		return SERVER.getSmtp().getPort();
	}

	/** The messages sent to the address so far, oldest first. */
	public static List<MimeMessage> to(String address) {
		return Arrays.stream(SERVER.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/**
	 * Waits a little for the n-th message to the address (the site sends before it
	 * answers, so rarely long).
	 */
	public static MimeMessage awaitMessage(String address, int n) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			var messages = to(address);
			if (messages.size() >= n) {
				return messages.get(n - 1);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("no message number " + n + " to " + address + " (has " + to(address).size() + ")");
	}

	public static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The text/plain part of the message. */
	public static String text(MimeMessage message) {
		return part(message, "text/plain");
	}

	/** The text/html part of the message. */
	public static String html(MimeMessage message) {
		return part(message, "text/html");
	}

	/** Every http(s) link in the message's text part. */
	public static List<String> links(MimeMessage message) {
		var links = new ArrayList<String>();
		Matcher m = Pattern.compile("https?://[^\\s<>\"]+").matcher(text(message));
		while (m.find()) {
			links.add(m.group());
		}
		return links;
	}

	/**
	 * The path and query of the only link in the message, to follow on the test server.
	 */
	public static String linkPath(MimeMessage message) {
		var links = links(message);
		if (links.size() != 1) {
			throw new AssertionError("expected one link, found " + links + " in " + text(message));
		}
		return links.get(0).replaceFirst("^https?://[^/]+", "");
	}

	/**
	 * The first link of the message to a path starting so, made relative to follow it on
	 * the test server.
	 */
	public static String linkTo(MimeMessage message, String pathStart) {
		return links(message).stream()
			.map(l -> l.replaceFirst("^https?://[^/]+", ""))
			.filter(l -> l.startsWith(pathStart))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no link to " + pathStart + " in " + text(message)));
	}

	private static String part(Part part, String type) {
		try {
			if (part.isMimeType(type)) {
				return (String) part.getContent();
			}
			if (part.isMimeType("multipart/*")) {
				var multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart child = multipart.getBodyPart(i);
					String found = part(child, type);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
