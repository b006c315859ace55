/** Real transport and real time for emulated devices: the Netty TCP uplink and a wall-clock scheduler. */
package io.pollwatt.emulator.net;
