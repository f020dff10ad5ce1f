package io.salesbi.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The order days of the three sales years: working days only, with the manufacturer's seasonality (weak August
 * and December, strong March and October) and the formatted date of every day, computed once.
 */
final class OrderCalendar {

    static final LocalDate FIRST_DAY = LocalDate.of(GeneratorSettings.FIRST_YEAR, 1, 1);
    /** Relative order intake per calendar month, January first. */
    static final double[] SEASONALITY = {0.95, 1.00, 1.20, 1.05, 1.00, 1.00, 0.95, 0.70, 1.05, 1.20, 1.10, 0.75};

    private final int[][] workdaysByMonth = new int[FxRates.MONTHS][];
    private final String[] germanDates;
    private final String[] isoDates;
    private final int[] monthByDay;

    OrderCalendar(LocalDate lastDay) {
        int days = (int) (lastDay.toEpochDay() - FIRST_DAY.toEpochDay()) + 1;
        germanDates = new String[days];
        isoDates = new String[days];
        monthByDay = new int[days];
        for (int d = 0; d < days; d++) {
            LocalDate date = FIRST_DAY.plusDays(d);
            monthByDay[d] = (date.getYear() - GeneratorSettings.FIRST_YEAR) * 12 + date.getMonthValue() - 1;
            germanDates[d] = Numbers.german(date);
            isoDates[d] = Numbers.iso(date);
        }
        for (int m = 0; m < FxRates.MONTHS; m++) {
            LocalDate first = FIRST_DAY.plusMonths(m);
            int[] buffer = new int[31];
            int count = 0;
            for (LocalDate d = first; d.getMonth() == first.getMonth(); d = d.plusDays(1)) {
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    buffer[count++] = (int) (d.toEpochDay() - FIRST_DAY.toEpochDay());
                }
            }
            workdaysByMonth[m] = java.util.Arrays.copyOf(buffer, count);
        }
    }

    /** A working day of the month (months counted from January of the first year). */
    int workday(int month, Rng rng) {
        int[] days = workdaysByMonth[month];
        return days[rng.nextInt(days.length)];
    }

    String german(int dayOffset) {
        return germanDates[dayOffset];
    }

    String iso(int dayOffset) {
        return isoDates[dayOffset];
    }

    int dayCount() {
        return germanDates.length;
    }

    /** Months counted from January of the first year (beyond the last order year for later days). */
    int monthOf(int dayOffset) {
        return monthByDay[dayOffset];
    }

    static LocalDate date(int dayOffset) {
        return FIRST_DAY.plusDays(dayOffset);
    }
}
