package org.veche.media;

/**
 * The words that go with a photo: its caption, its credit, and its alt text for readers
 * who cannot see it.
 */
public record PhotoText(String caption, String credit, String alt) {
}
