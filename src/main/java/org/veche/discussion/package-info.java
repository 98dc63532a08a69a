/**
 * Discussions under articles: threaded comments, the reply form, likes and the flood
 * limit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Discussion")
package org.veche.discussion;
