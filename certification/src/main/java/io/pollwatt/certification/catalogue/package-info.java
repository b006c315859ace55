/** The case catalogue (data), device profiles and capability declarations that select cases. */
package io.pollwatt.certification.catalogue;
