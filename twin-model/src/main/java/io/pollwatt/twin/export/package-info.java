/** Writes a twin run as readings, ground truth and the fault list (plain CSV and JSON lines). */
package io.pollwatt.twin.export;
