package org.veche.importer.internal;

import java.util.List;
import java.util.Map;

/**
 * One record of an export (a WordPress item, a Disqus post) read into memory alone: the
 * file as a whole is streamed, never held. Names carry a short prefix for their namespace
 * ("wp:post_id", "dsq:id").
 */
record XmlNode(String name, Map<String, String> attributes, String text, List<XmlNode> children) {

	XmlNode child(String childName) {
		for (XmlNode child : children) {
			if (child.name.equals(childName)) {
				return child;
			}
		}
		return null;
	}

	List<XmlNode> children(String childName) {
		return children.stream().filter(c -> c.name.equals(childName)).toList();
	}

	/** The text of the first child of this name, stripped; empty when there is none. */
	String text(String childName) {
		XmlNode child = child(childName);
		return child == null ? "" : child.text.strip();
	}

	/**
	 * The text of the first child of this name as it is (article bodies keep their line
	 * breaks).
	 */
	String rawText(String childName) {
		XmlNode child = child(childName);
		return child == null ? "" : child.text;
	}

	String attribute(String attributeName) {
		return attributes.getOrDefault(attributeName, "");
	}

}
