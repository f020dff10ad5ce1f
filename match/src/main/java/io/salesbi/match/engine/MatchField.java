package io.salesbi.match.engine;

/** One input column to match on: its name (any text, spaces allowed) and its type. */
public record MatchField(String name, FieldType type) {}
