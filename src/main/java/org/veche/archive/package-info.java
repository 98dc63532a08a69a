/**
 * Moving out and back in: the WordPress (WXR) export, the whole-site backup and its
 * restore, from the command line and the admin pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Archive")
package org.veche.archive;
