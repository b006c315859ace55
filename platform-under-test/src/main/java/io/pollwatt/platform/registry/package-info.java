/** The registry (备案): which devices (MN, PW) belong to which enterprise. */
package io.pollwatt.platform.registry;
