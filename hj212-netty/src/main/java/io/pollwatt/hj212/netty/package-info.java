/** Netty handlers that frame, decode and encode HJ 212-2017 on a TCP channel, for platforms and devices alike. */
package io.pollwatt.hj212.netty;
