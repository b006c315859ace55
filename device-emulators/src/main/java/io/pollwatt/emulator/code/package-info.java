/** Factor code tables: which HJ 212 code carries which electrical quantity of which meter (D2). */
package io.pollwatt.emulator.code;
