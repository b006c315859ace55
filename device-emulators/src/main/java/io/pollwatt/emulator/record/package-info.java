/** Building HJ 212 upload records (2011, 2051, 2061, 2031) from meter polls. */
package io.pollwatt.emulator.record;
