package dev.spfemu.model;

/**
 * A named media stream of an entity type ({@code Edm.Stream}, OData v3): not a value the entity
 * stores, but a resource of its own at {@code <entity>/<name>}, which entries announce with its
 * content type (a VM's {@code VMConnection}, an RDP file).
 *
 * @param name the stream property's name
 * @param contentType the media type the stream is served as ({@code application/x-rdp})
 * @param position where it stands among the type's properties: the index of the property it comes
 *     before in real SPF's order, or the number of properties when it comes last
 */
public record StreamModel(String name, String contentType, int position) {
}
