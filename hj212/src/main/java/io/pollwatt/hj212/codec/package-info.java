/** Decoding and encoding with the validation order and reason codes of §19 of hj212-2017.md. */
package io.pollwatt.hj212.codec;
