/**
 * Moving in: WordPress (WXR) and Disqus exports brought into the site, with old
 * permalinks kept working.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Import")
package org.veche.importer;
