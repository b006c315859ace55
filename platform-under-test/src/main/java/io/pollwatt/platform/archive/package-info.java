/**
 * The platform's archive (备案): its own reader of site files ({@link io.pollwatt.platform.archive.ArchiveReader}),
 * the archive as a value ({@link io.pollwatt.platform.archive.SiteArchive}), its PostgreSQL registry with import,
 * export and factor-code resolution ({@link io.pollwatt.platform.archive.ArchiveRegistry}), and the factor-code
 * table as configuration ({@link io.pollwatt.platform.archive.FactorCodes}).
 */
package io.pollwatt.platform.archive;
