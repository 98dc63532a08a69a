package org.veche.media.web;

import org.veche.media.Photo;
import org.veche.site.FormError;

/**
 * What the face-blur editor (media/blur.jte) shows for one photo.
 *
 * @param boxes the boxes to blur as the form posts them, or null
 * @param detection whether faces can be found on the server (otherwise the editor marks
 * them by hand)
 * @param error why the boxes were refused, or null
 * @param notice a message key of what just happened, or null
 */
public record BlurPage(Photo photo, String boxes, boolean detection, FormError error, String notice) {
}
