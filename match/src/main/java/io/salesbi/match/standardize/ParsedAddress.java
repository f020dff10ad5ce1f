package io.salesbi.match.standardize;

import java.util.ArrayList;
import java.util.List;

/**
 * An address line taken apart by {@link AddressParser}.
 *
 * @param street      street words with abbreviations spelled out, space separated, e.g. "west madison street";
 *                    null when the line names no street
 * @param houseNumber house number as written, folded, e.g. "12a" or "3-5"; null when none was found
 * @param unit        suite, room, floor or flat, as "kind number", e.g. "suite 200", "room 5", "floor 3"; null when
 *                    none
 * @param postcode    a postcode written in the line ("10115 Berlin", "IL 60601", "SW1A 1AA"); null when none
 */
public record ParsedAddress(String street, String houseNumber, String unit, String postcode) {

    /** The street words joined without spaces, as German writers join and split street names freely. */
    public String joinedStreet() {
        return street == null ? null : street.replace(" ", "");
    }

    /** The digits the house number starts with ("12" of "12a" and of "12-14"); null when it starts otherwise. */
    public String buildingNumber() {
        if (houseNumber == null) {
            return null;
        }
        int end = 0;
        while (end < houseNumber.length() && Character.isDigit(houseNumber.charAt(end))) {
            end++;
        }
        return end == 0 ? null : houseNumber.substring(0, end);
    }

    /**
     * One canonical text: street, house number, unit and postcode in that order, so that spellings of one address
     * compare equal; null when nothing was found.
     */
    public String canonical() {
        List<String> parts = new ArrayList<>(4);
        for (String part : new String[] {street, houseNumber, unit, postcode}) {
            if (part != null) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }
}
