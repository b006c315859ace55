/** The recorded TCP conversation of a certification run (JSON lines), for replay. */
package io.pollwatt.certification.capture;
