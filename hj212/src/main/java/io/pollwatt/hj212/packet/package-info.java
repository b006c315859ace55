/** Packetisation (PNUM/PNO, §12 of hj212-2017.md): splitting and bounded reassembly. */
package io.pollwatt.hj212.packet;
