package io.salesbi.match.engine;

import java.util.List;

/**
 * Recognizes given name and surname entered the wrong way round ("Rowe, Caleb" against "Caleb Rowe"): when both
 * name fields disagree as they stand but agree crosswise, both count as close agreement instead.
 */
final class NameSwap {

    private static final NameSwap NONE = new NameSwap(null, null, -1, -1);

    private final PreparedField given;
    private final PreparedField surname;
    private final int givenIndex;
    private final int surnameIndex;

    private NameSwap(PreparedField given, PreparedField surname, int givenIndex, int surnameIndex) {
        this.given = given;
        this.surname = surname;
        this.givenIndex = givenIndex;
        this.surnameIndex = surnameIndex;
    }

    static NameSwap of(List<PreparedField> fields) {
        int given = -1;
        int surname = -1;
        for (int f = 0; f < fields.size(); f++) {
            if (fields.get(f).type() == FieldType.GIVEN_NAME && given < 0) {
                given = f;
            } else if (fields.get(f).type() == FieldType.SURNAME && surname < 0) {
                surname = f;
            }
        }
        return given < 0 || surname < 0 ? NONE : new NameSwap(fields.get(given), fields.get(surname), given, surname);
    }

    /** Raises both name levels to 1 when the names agree crosswise; levels are the pair's row in the matrix. */
    void apply(byte[] levels, int row, int a, int b) {
        if (given == null) {
            return;
        }
        int last = FieldType.GIVEN_NAME.levels() - 1;
        boolean bothPoor = levels[row + givenIndex] >= 3 || levels[row + surnameIndex] >= 3;
        if (!bothPoor
                || levels[row + givenIndex] == FieldComparator.MISSING
                        && levels[row + surnameIndex] == FieldComparator.MISSING) {
            return;
        }
        boolean crossA = similar(given.value()[a], surname.value()[b]);
        boolean crossB = similar(surname.value()[a], given.value()[b]);
        if (crossA && crossB
                || crossA && (surname.value()[a] == null || given.value()[b] == null)
                || crossB && (given.value()[a] == null || surname.value()[b] == null)) {
            levels[row + givenIndex] =
                    (byte) Math.min(levels[row + givenIndex] < 0 ? last : levels[row + givenIndex], 1);
            levels[row + surnameIndex] =
                    (byte) Math.min(levels[row + surnameIndex] < 0 ? last : levels[row + surnameIndex], 1);
        }
    }

    private static boolean similar(String x, String y) {
        return x != null && y != null && JaroWinkler.similarity(x, y) >= 0.92;
    }
}
