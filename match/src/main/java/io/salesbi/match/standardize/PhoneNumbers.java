package io.salesbi.match.standardize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/** Formats phone numbers as E.164 with libphonenumber; numbers that cannot be parsed keep their digits only. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /**
     * The number in E.164 ("+4971112345"), parsed in the record's country when it has no international prefix.
     *
     * @param defaultRegion ISO alpha-2 country to assume for national numbers; null for "DE"
     */
    public static String toE164(String phone, String defaultRegion) {
        String text = TextFold.blankToNull(phone);
        if (text == null) {
            return null;
        }
        String region = defaultRegion == null ? "DE" : defaultRegion;
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(text, region);
            if (UTIL.isPossibleNumber(number)) {
                return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // not a parseable number: fall back to its digits below
        }
        String digits = text.replaceAll("\\D", "");
        return digits.length() < 4 ? null : digits;
    }
}
