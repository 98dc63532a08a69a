package org.veche.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;

import org.veche.importer.ImportFailed;

/**
 * Streams an export file and hands over its records one at a time. Woodstox reads it with
 * no DTD, no entities of any kind beyond XML's own five and character references, no
 * external anything, and hard limits on the length of a text, of an attribute and on
 * nesting, so that a billion-laughs file, an XXE probe or a gigabyte text node fails at
 * once with a clear message instead of taking the site's memory or files.
 */
final class XmlRecords {

	/**
	 * Longer than any real post (the site keeps 500,000 characters of a body), far below
	 * harm.
	 */
	static final int MAX_TEXT = 8_000_000;

	static final int MAX_DEPTH = 64;

	private XmlRecords() {
	}

	static XMLInputFactory factory() {
		var factory = new WstxInputFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
		factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
			throw new XMLStreamException("external resource refused: " + systemId);
		});
		factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_TEXT);
		factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, 65_536);
		factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 100);
		factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
		factory.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1);
		factory.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
		return factory;
	}

	/**
	 * Reads the file and gives each element whose name is among {@code records} (where it
	 * is met outside another record) to the consumer, whole; the root's name goes to
	 * {@code root} first.
	 * @throws ImportFailed for anything but a well-formed, DTD-free document
	 */
	static void read(Path file, Consumer<String> root, Set<String> records, Consumer<XmlNode> consumer) {
		try (InputStream in = Files.newInputStream(file)) {
			XMLStreamReader reader = factory().createXMLStreamReader(in);
			try {
				boolean seenRoot = false;
				while (reader.hasNext()) {
					int event = reader.next();
					if (event == XMLStreamConstants.DTD) {
						throw new ImportFailed("importer.error.doctype",
								"The file has a DOCTYPE declaration; exports have none, and the site reads no DTD.");
					}
					if (event == XMLStreamConstants.ENTITY_REFERENCE) {
						throw new ImportFailed("importer.error.entity",
								"The file uses an entity the site does not expand.");
					}
					if (event != XMLStreamConstants.START_ELEMENT) {
						continue;
					}
					String name = name(reader.getNamespaceURI(), reader.getLocalName());
					if (!seenRoot) {
						seenRoot = true;
						root.accept(name);
					}
					else if (records.contains(name)) {
						consumer.accept(node(reader, name));
					}
				}
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			throw broken(ex);
		}
		catch (RuntimeException ex) {
			// Woodstox parses lazily and wraps what it finds late in an unchecked
			// exception
			if (ex.getCause() instanceof XMLStreamException xml) {
				throw broken(xml);
			}
			throw ex;
		}
		catch (IOException ex) {
			throw new ImportFailed("importer.error.unreadable", "The file cannot be read: " + ex.getMessage(), ex,
					ex.getMessage());
		}
	}

	/**
	 * Reads the element the reader stands on, with everything in it, leaving the reader
	 * on its end tag.
	 */
	private static XmlNode node(XMLStreamReader reader, String name) throws XMLStreamException {
		Deque<Builder> open = new ArrayDeque<>();
		open.push(new Builder(name, attributes(reader)));
		while (true) {
			int event = reader.next();
			switch (event) {
				case XMLStreamConstants.START_ELEMENT ->
					open.push(new Builder(name(reader.getNamespaceURI(), reader.getLocalName()), attributes(reader)));
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
					open.peek().text.append(reader.getText());
				case XMLStreamConstants.ENTITY_REFERENCE -> throw new ImportFailed("importer.error.entity",
						"The file uses an entity the site does not expand.");
				case XMLStreamConstants.END_ELEMENT -> {
					XmlNode done = open.pop().build();
					if (open.isEmpty()) {
						return done;
					}
					open.peek().children.add(done);
				}
				default -> {
					// comments and processing instructions carry nothing an import needs
				}
			}
			if (open.peek() != null && open.peek().text.length() > MAX_TEXT) {
				throw new ImportFailed("importer.error.hugeText", "A text in the file is longer than the site accepts.",
						MAX_TEXT);
			}
		}
	}

	private static Map<String, String> attributes(XMLStreamReader reader) {
		if (reader.getAttributeCount() == 0) {
			return Map.of();
		}
		var attributes = new LinkedHashMap<String, String>();
		for (int i = 0; i < reader.getAttributeCount(); i++) {
			attributes.put(name(reader.getAttributeNamespace(i), reader.getAttributeLocalName(i)),
					reader.getAttributeValue(i));
		}
		return attributes;
	}

	/**
	 * A short, version-free prefix for each namespace the exports use: WXR 1.0, 1.1 and
	 * 1.2 read alike. As WordPress's own importer does, the wp: namespace is known by its
	 * start, {@code http://wordpress.org/export/} or the same over https (real exports
	 * declare either), whatever the version after it; the other namespaces are taken over
	 * https too.
	 */
	static String name(String namespace, String local) {
		if (namespace == null || namespace.isEmpty()) {
			return local;
		}
		if (namespace.startsWith("https://")) {
			namespace = "http://" + namespace.substring("https://".length());
		}
		if (namespace.equals("http://disqus.com")) {
			return local;
		}
		if (namespace.startsWith("http://wordpress.org/export/")
				|| namespace.startsWith("http://www.wordpress.org/export/")) {
			return (namespace.endsWith("/excerpt/") || namespace.endsWith("/excerpt") ? "excerpt:" : "wp:") + local;
		}
		return switch (namespace) {
			case "http://purl.org/rss/1.0/modules/content/" -> "content:" + local;
			case "http://purl.org/dc/elements/1.1/" -> "dc:" + local;
			case "http://wellformedweb.org/CommentAPI/" -> "wfw:" + local;
			case "http://disqus.com/disqus-internals" -> "dsq:" + local;
			default -> "{" + namespace + "}" + local;
		};
	}

	private static ImportFailed broken(XMLStreamException ex) {
		String detail = ex.getMessage() == null ? "" : ex.getMessage().replaceAll("\\s+", " ").strip();
		int line = ex.getLocation() == null ? 0 : ex.getLocation().getLineNumber();
		if (detail.contains("size limit") || detail.contains("length limit") || detail.contains("Text size")
				|| detail.contains("Maximum")) {
			return new ImportFailed("importer.error.limit",
					"The file goes past a safety limit at line " + line + ": " + detail, ex, line, detail);
		}
		if (detail.contains("ntity")) {
			return new ImportFailed("importer.error.entity",
					"The file uses an entity the site does not expand (line " + line + "): " + detail, ex, line,
					detail);
		}
		return new ImportFailed("importer.error.malformed",
				"The file is not well-formed XML at line " + line + ": " + detail, ex, line, detail);
	}

	private static final class Builder {

		final String name;

		final Map<String, String> attributes;

		final StringBuilder text = new StringBuilder();

		final List<XmlNode> children = new ArrayList<>();

		Builder(String name, Map<String, String> attributes) {
			this.name = name;
			this.attributes = attributes;
		}

		XmlNode build() {
			return new XmlNode(name, attributes, text.toString(), List.copyOf(children));
		}

	}

}
