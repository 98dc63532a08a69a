/**
 * Appeals: the author of a held or removed comment is told why in plain words and may ask
 * once for another look; moderators uphold or reverse each appeal from their own queue.
 */
package org.veche.moderation.appeal;
