/** Emulated meters, LoRa links, 4G DTUs, VOC analyzers and data collectors that speak HJ212-2017. */
package io.pollwatt.emulator;
