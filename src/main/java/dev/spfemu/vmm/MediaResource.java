package dev.spfemu.vmm;

/**
 * The content of an entity's named media stream, as the domain makes it (a VM's {@code VMConnection}:
 * an RDP file).
 *
 * @param contentType its media type
 * @param content its bytes
 */
public record MediaResource(String contentType, byte[] content) {
}
