package org.veche.archive.internal;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Elements as WordPress's export writes them: plain text, or CDATA split at every "]]>"
 * the way its wxr_cdata() splits it; characters XML 1.0 cannot carry are left out, since
 * no parser would read the file otherwise.
 */
final class Xml {

	private final XMLStreamWriter xml;

	Xml(XMLStreamWriter xml) {
		this.xml = xml;
	}

	XMLStreamWriter writer() {
		return xml;
	}

	void text(String name, String value) throws XMLStreamException {
		xml.writeCharacters("\n");
		xml.writeStartElement(name);
		xml.writeCharacters(clean(value));
		xml.writeEndElement();
	}

	void text(String namespace, String name, String value) throws XMLStreamException {
		xml.writeCharacters("\n");
		xml.writeStartElement(namespace, name);
		xml.writeCharacters(clean(value));
		xml.writeEndElement();
	}

	/**
	 * @param namespace the element's namespace, or null for RSS's own elements
	 */
	void cdata(String namespace, String name, String value) throws XMLStreamException {
		xml.writeCharacters("\n");
		if (namespace == null) {
			xml.writeStartElement(name);
		}
		else {
			xml.writeStartElement(namespace, name);
		}
		cdata(value);
		xml.writeEndElement();
	}

	void cdata(String value) throws XMLStreamException {
		String clean = clean(value);
		int from = 0;
		for (int end = clean.indexOf("]]>"); end >= 0; end = clean.indexOf("]]>", from)) {
			xml.writeCData(clean.substring(from, end + 2));
			from = end + 2;
		}
		xml.writeCData(clean.substring(from));
	}

	static String clean(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder out = null;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean allowed = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF
					|| c >= 0xE000 && c <= 0xFFFD || Character.isSurrogate(c);
			if (!allowed && out == null) {
				out = new StringBuilder(value.length()).append(value, 0, i);
			}
			else if (allowed && out != null) {
				out.append(c);
			}
		}
		return out == null ? value : out.toString();
	}

}
