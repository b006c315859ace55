/**
 * A point's data as stored, through the archive: which device and meter number report it, which factor codes
 * carry its quantities, and its readings aggregated (AGG) over a range of days.
 */
package io.pollwatt.platform.series;
