/** The LoRa link between meters and their DTU: loss, latency, airtime and duty cycle. */
package io.pollwatt.emulator.lora;
