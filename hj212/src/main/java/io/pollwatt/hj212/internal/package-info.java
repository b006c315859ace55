/** Syntax predicates shared by the decoder, the encoder and the value records; not API. */
package io.pollwatt.hj212.internal;
