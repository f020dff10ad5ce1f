package io.salesbi.generator;

/**
 * A city companies are placed in.
 *
 * @param name     the city name as the city writes it
 * @param country  ISO 3166-1 alpha-2
 * @param codeLo   lowest postcode number of the city (German PLZ, Swiss/Austrian/Dutch 4 digits, ...)
 * @param codeHi   highest postcode number
 * @param areaCode the telephone area code without the trunk prefix 0 (e.g. "40" for Hamburg)
 */
record City(String name, String country, int codeLo, int codeHi, String areaCode) {}
