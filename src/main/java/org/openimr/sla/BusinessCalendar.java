package org.openimr.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * California business days: weekdays that are not state holidays (Gov. Code 6700). Holidays that
 * fall on a Sunday are observed on the Monday. An administrator adds days (a closure, a newly
 * declared holiday) with {@code imr.sla.extra-holidays}.
 */
public class BusinessCalendar {

    private final Set<LocalDate> extraHolidays;
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    public BusinessCalendar(List<LocalDate> extraHolidays) {
        this.extraHolidays = Set.copyOf(extraHolidays);
    }

    public boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !isHoliday(day);
    }

    public boolean isHoliday(LocalDate day) {
        return extraHolidays.contains(day) || holidaysByYear.computeIfAbsent(day.getYear(), BusinessCalendar::stateHolidays).contains(day);
    }

    /** The business day that is {@code days} business days after {@code from}. */
    public LocalDate plusBusinessDays(LocalDate from, int days) {
        LocalDate day = from;
        int remaining = days;
        while (remaining > 0) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                remaining--;
            }
        }
        return day;
    }

    static Set<LocalDate> stateHolidays(int year) {
        Set<LocalDate> days = new HashSet<>();
        observed(days, LocalDate.of(year, Month.JANUARY, 1));
        days.add(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3));        // Martin Luther King Jr. Day
        observed(days, LocalDate.of(year, Month.FEBRUARY, 12));          // Lincoln Day
        days.add(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));       // Washington Day
        observed(days, LocalDate.of(year, Month.MARCH, 31));             // Cesar Chavez Day
        days.add(LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY))); // Memorial Day
        observed(days, LocalDate.of(year, Month.JULY, 4));
        days.add(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));      // Labor Day
        days.add(nth(year, Month.SEPTEMBER, DayOfWeek.FRIDAY, 4));      // Native American Day
        observed(days, LocalDate.of(year, Month.NOVEMBER, 11));          // Veterans Day
        LocalDate thanksgiving = nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4);
        days.add(thanksgiving);
        days.add(thanksgiving.plusDays(1));
        observed(days, LocalDate.of(year, Month.DECEMBER, 25));
        return days;
    }

    private static void observed(Set<LocalDate> days, LocalDate holiday) {
        days.add(holiday);
        if (holiday.getDayOfWeek() == DayOfWeek.SUNDAY) {
            days.add(holiday.plusDays(1));
        }
    }

    private static LocalDate nth(int year, Month month, DayOfWeek dayOfWeek, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dayOfWeek));
    }
}
