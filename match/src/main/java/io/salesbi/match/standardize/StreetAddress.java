package io.salesbi.match.standardize;

/**
 * A street line split into street name and house number.
 *
 * @param street      standardized street name, e.g. "hauptstrasse"; null when empty
 * @param houseNumber standardized house number, e.g. "12a" or "3-5"; null when none was found
 */
public record StreetAddress(String street, String houseNumber) {}
