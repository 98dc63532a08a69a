package org.veche.site;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the site's own mail (verification, reset and notice messages) as text and HTML.
 * With spring.mail.host set it goes to that SMTP server; without one each message is
 * written as an .eml file under the data directory's mail folder, so a site run on a
 * laptop still lets its owner follow the links.
 */
@Component
public class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
		.withZone(ZoneOffset.UTC);

	private final JavaMailSender sender;

	private final Path mailDir;

	private final String siteName;

	private final String from;

	@Autowired
	Mailer(ObjectProvider<JavaMailSender> sender, SiteProperties site,
			@Value("${veche.mail-from:${spring.mail.username:}}") String from) {
		this(sender.getIfAvailable(), site.dataDir().resolve("mail"), site.siteName(), from);
	}

	/**
	 * @param sender the SMTP sender, or null to write files into mailDir
	 */
	Mailer(JavaMailSender sender, Path mailDir, String siteName, String from) {
		this.sender = sender;
		this.mailDir = mailDir;
		this.siteName = siteName;
		this.from = from == null || !from.contains("@") ? "no-reply@localhost" : from;
	}

	/**
	 * One message to send: its recipient, subject, and the same words as plain text and
	 * as HTML.
	 */
	public record Letter(String to, String subject, String text, String html) {

	}

	/**
	 * Sends one message, multipart text and HTML, from the site's name. A mail server
	 * that refuses is logged, not thrown: the reader's page must answer the same whether
	 * or not the message went out.
	 * @return whether the message was handed to the server or written to its file
	 */
	public boolean send(Letter letter) {
		try {
			deliver(letter, Map.of());
			return true;
		}
		catch (NotSent ex) {
			log.warn("Could not send a message to {}: {}", letter.to().replaceAll("^[^@]*", "***"),
					ex.getCause().toString());
			return false;
		}
	}

	/**
	 * Sends one message as {@link #send} does, with extra headers (List-Unsubscribe), and
	 * says why when it could not: for callers that keep the message and try again later.
	 * @throws NotSent when the server could not be reached or refused the message
	 */
	public void deliver(Letter letter, Map<String, String> headers) throws NotSent {
		try {
			MimeMessage message = sender != null ? sender.createMimeMessage()
					: new MimeMessage(Session.getInstance(new Properties()));
			var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(new InternetAddress(from, siteName, StandardCharsets.UTF_8.name()));
			helper.setTo(letter.to());
			helper.setSubject(letter.subject());
			helper.setText(letter.text(), letter.html());
			helper.setSentDate(java.util.Date.from(Instant.now()));
			// RFC 3834: tells auto-responders not to answer the site's robot
			message.setHeader("Auto-Submitted", "auto-generated");
			for (var header : headers.entrySet()) {
				message.setHeader(header.getKey(), header.getValue());
			}
			if (sender != null) {
				sender.send(message);
			}
			else {
				write(message);
			}
		}
		catch (MailAuthenticationException ex) {
			throw new NotSent(ex, true);
		}
		catch (MailSendException ex) {
			// Spring gives a cause only when the connection failed; a refused message
			// comes as failedMessages
			throw new NotSent(ex, ex.getCause() != null);
		}
		catch (MessagingException | MailException | IOException | UncheckedIOException ex) {
			// a full or read-only mail folder stops every message, as a server that is
			// down does
			throw new NotSent(ex, ex instanceof IOException || ex instanceof UncheckedIOException);
		}
	}

	/**
	 * A message that did not go out.
	 */
	public static final class NotSent extends Exception {

		private final boolean serverUnavailable;

		NotSent(Exception cause, boolean serverUnavailable) {
			super(cause.getMessage(), cause);
			this.serverUnavailable = serverUnavailable;
		}

		/**
		 * The server could not be reached or would not let the site in: no message can go
		 * until it is back.
		 */
		public boolean serverUnavailable() {
			return serverUnavailable;
		}

	}

	private void write(MimeMessage message) throws IOException, MessagingException {
		Files.createDirectories(mailDir);
		message.saveChanges();
		Path file = mailDir.resolve(FILE_TIME.format(Instant.now()) + "-" + UUID.randomUUID() + ".eml");
		try (OutputStream out = Files.newOutputStream(file)) {
			message.writeTo(out);
		}
		log.info("No mail server configured (spring.mail.host): wrote {}", file);
	}

}
