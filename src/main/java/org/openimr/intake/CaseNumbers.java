package org.openimr.intake;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Case numbers in the DWC form CMyy-nnnnnnn: the year the application arrived and a running number. */
@Component
class CaseNumbers {

    private final JdbcClient jdbc;
    private final String nextValueSql;

    CaseNumbers(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            this.nextValueSql = product.contains("postgres")
                    ? "select nextval('imr_case_number_seq')"
                    : "select next value for imr_case_number_seq";
        }
    }

    String next(LocalDate received) {
        long number = jdbc.sql(nextValueSql).query(Long.class).single();
        return String.format(Locale.ROOT, "CM%02d-%07d", received.getYear() % 100, number);
    }
}
