/** Frame level (§2–§4 of hj212-2017.md): the CRC, the wire layout and the stream framer. */
package io.pollwatt.hj212.frame;
