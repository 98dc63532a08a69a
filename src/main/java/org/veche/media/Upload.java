package org.veche.media;

import java.util.Set;

/**
 * A stored upload and what the site removed from it that the editor should know about.
 *
 * @param removed what the original carried and no served file does: "location",
 * "camera-serial", "metadata"
 */
public record Upload(Photo photo, Set<String> removed) {
}
