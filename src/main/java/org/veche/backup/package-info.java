/**
 * The backup SPI: every module that owns tables contributes a
 * {@link org.veche.backup.BackupSection} that writes its rows (and files) into a site
 * backup and reads them back, so no module reads another's tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup sections")
package org.veche.backup;
