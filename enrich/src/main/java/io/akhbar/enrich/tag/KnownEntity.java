package io.akhbar.enrich.tag;

import io.akhbar.model.EntityType;

/** A gazetteer entity: its type and its canonical name as the press writes it. */
record KnownEntity(EntityType type, String name) {
}
